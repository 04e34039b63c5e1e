<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;

/**
 * The core's internal flags: how a change to the dispatcher's behaviour keeps old histories replaying.
 * A run written by an older worker has no record of a flag, so while it replays the old behaviour stays;
 * a run on new ground uses the new behaviour and records the flag in its next completion, which the core
 * writes into history (the sdk_metadata of WorkflowTaskCompleted) and offers back on every later replay.
 *
 * Flags are numbered from 1 in the order the changes land; none exists yet (no release has shipped, so
 * behaviour changes so far needed none). Every change from the first release on gets one:
 *
 *     if ($run->flags->tryUse(InternalFlags::SOME_CHANGE, $run->isReplaying())) { new behaviour }
 *
 * @internal
 */
final class InternalFlags
{
    /** @var array<int, true> flags history says this run has used */
    private array $available = [];
    /** @var array<int, true> flags this run started using, not yet reported to the core */
    private array $newlyUsed = [];

    /** Takes in the flags that the activation says history has. */
    public function observe(WorkflowActivation $activation): void
    {
        foreach ($activation->getAvailableInternalFlags() as $flag) {
            $this->available[(int) $flag] = true;
        }
    }

    /** Whether the behaviour behind $flag applies to this run; a first use on new ground is recorded. */
    public function tryUse(int $flag, bool $replaying): bool
    {
        if (isset($this->available[$flag])) {
            return true;
        }
        if ($replaying) {
            return false;
        }
        $this->available[$flag] = true;
        $this->newlyUsed[$flag] = true;
        return true;
    }

    /** @return list<int> the flags to put in this activation's completion (each is reported once) */
    public function takeNewlyUsed(): array
    {
        $flags = array_keys($this->newlyUsed);
        $this->newlyUsed = [];
        return $flags;
    }
}
