<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\SetPatchMarker;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;

/**
 * The patches of one run. Replaying, a patch is on only if history has its marker; otherwise it is on, and
 * the marker is recorded. The core's patches are booleans: there is no version number to return.
 *
 * @internal
 */
final class Patches
{
    /** @var array<string, true> patches the core says history has */
    private array $notified = [];
    /** @var array<string, bool> patched() answers, memoized for the run */
    private array $answers = [];

    public function notify(string $patchId): void
    {
        $this->notified[$patchId] = true;
    }

    public function patched(WorkflowRun $run, string $patchId, bool $deprecated): bool
    {
        if (!isset($this->answers[$patchId])) {
            $on = !$run->isReplaying() || isset($this->notified[$patchId]);
            if ($on) {
                $run->command(new WorkflowCommand(['set_patch_marker' => new SetPatchMarker([
                    'patch_id' => $patchId,
                    'deprecated' => $deprecated,
                ])]));
            }
            $this->answers[$patchId] = $on;
        }
        return $this->answers[$patchId];
    }
}
