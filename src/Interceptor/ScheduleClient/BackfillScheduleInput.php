<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** ScheduleHandle::backfill(): the schedule, and the time ranges to backfill (none: no call is made). */
final class BackfillScheduleInput
{
    use InputCopies;

    /**
     * @internal made by ScheduleHandle
     * @param list<ScheduleBackfill> $backfills
     */
    public function __construct(public readonly string $scheduleId, public readonly array $backfills)
    {
    }

    public function withBackfills(ScheduleBackfill ...$backfills): self
    {
        return $this->with('backfills', array_values($backfills));
    }
}
