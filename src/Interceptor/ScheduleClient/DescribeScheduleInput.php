<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

/** ScheduleHandle::describe(): the schedule it is about. */
final class DescribeScheduleInput
{
    /** @internal made by ScheduleHandle */
    public function __construct(public readonly string $scheduleId)
    {
    }
}
