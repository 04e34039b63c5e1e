<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** ScheduleHandle::pause(): the schedule, and the note it leaves (the default one when the caller gave none). */
final class PauseScheduleInput
{
    use InputCopies;

    /** @internal made by ScheduleHandle */
    public function __construct(public readonly string $scheduleId, public readonly string $note)
    {
    }

    public function withNote(string $note): self
    {
        return $this->with('note', $note);
    }
}
