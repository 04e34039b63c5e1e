<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** ScheduleHandle::trigger(): the schedule, and the overlap policy of this action (Unspecified: the schedule's). */
final class TriggerScheduleInput
{
    use InputCopies;

    /** @internal made by ScheduleHandle */
    public function __construct(public readonly string $scheduleId, public readonly ScheduleOverlapPolicy $overlap)
    {
    }

    public function withOverlap(ScheduleOverlapPolicy $overlap): self
    {
        return $this->with('overlap', $overlap);
    }
}
