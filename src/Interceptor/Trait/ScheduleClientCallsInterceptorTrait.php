<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Interceptor\ScheduleClientCallsInterceptor;
use TrueAsync\Temporal\Interceptor\ScheduleClient\BackfillScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\CreateScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\DeleteScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\DescribeScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\ListSchedulesInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\PauseScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\TriggerScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UnpauseScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UpdateScheduleInput;

/**
 * Every hook of ScheduleClientCallsInterceptor passing its input on unchanged: use it in an interceptor that
 * implements only the hooks it needs.
 *
 * @see ScheduleClientCallsInterceptor
 */
trait ScheduleClientCallsInterceptorTrait
{
    public function createSchedule(CreateScheduleInput $input, callable $next): ScheduleHandle
    {
        return $next($input);
    }

    public function listSchedules(ListSchedulesInput $input, callable $next): \Iterator
    {
        return $next($input);
    }

    public function describeSchedule(DescribeScheduleInput $input, callable $next): ScheduleDescription
    {
        return $next($input);
    }

    public function updateSchedule(UpdateScheduleInput $input, callable $next): bool
    {
        return $next($input);
    }

    public function pauseSchedule(PauseScheduleInput $input, callable $next): void
    {
        $next($input);
    }

    public function unpauseSchedule(UnpauseScheduleInput $input, callable $next): void
    {
        $next($input);
    }

    public function triggerSchedule(TriggerScheduleInput $input, callable $next): void
    {
        $next($input);
    }

    public function backfillSchedule(BackfillScheduleInput $input, callable $next): void
    {
        $next($input);
    }

    public function deleteSchedule(DeleteScheduleInput $input, callable $next): void
    {
        $next($input);
    }
}
