<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\Schedule\ScheduleListEntry;
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
 * Around the calls of ScheduleClient and ScheduleHandle (register with Client::withInterceptors()): one hook
 * per call, run once per call, before any RPC; as WorkflowClientCallsInterceptor, a hook may change its input,
 * answer without calling $next, or throw. The hooks are named for schedules so that one interceptor can
 * implement this interface and WorkflowClientCallsInterceptor. Use ScheduleClientCallsInterceptorTrait to
 * implement only some hooks.
 */
interface ScheduleClientCallsInterceptor extends Interceptor
{
    /** @param callable(CreateScheduleInput): ScheduleHandle $next */
    public function createSchedule(CreateScheduleInput $input, callable $next): ScheduleHandle;

    /**
     * ScheduleClient::listSchedules(), once: the iterator it returns fetches the pages later, as it advances.
     *
     * @param callable(ListSchedulesInput): \Iterator<int, ScheduleListEntry> $next
     * @return \Iterator<int, ScheduleListEntry>
     */
    public function listSchedules(ListSchedulesInput $input, callable $next): \Iterator;

    /** @param callable(DescribeScheduleInput): ScheduleDescription $next */
    public function describeSchedule(DescribeScheduleInput $input, callable $next): ScheduleDescription;

    /**
     * ScheduleHandle::update(), once for all its attempts (each describes the schedule without describeSchedule()).
     *
     * @param callable(UpdateScheduleInput): bool $next
     * @return bool whether the schedule was replaced
     */
    public function updateSchedule(UpdateScheduleInput $input, callable $next): bool;

    /** @param callable(PauseScheduleInput): void $next */
    public function pauseSchedule(PauseScheduleInput $input, callable $next): void;

    /** @param callable(UnpauseScheduleInput): void $next */
    public function unpauseSchedule(UnpauseScheduleInput $input, callable $next): void;

    /** @param callable(TriggerScheduleInput): void $next */
    public function triggerSchedule(TriggerScheduleInput $input, callable $next): void;

    /** @param callable(BackfillScheduleInput): void $next */
    public function backfillSchedule(BackfillScheduleInput $input, callable $next): void;

    /** @param callable(DeleteScheduleInput): void $next */
    public function deleteSchedule(DeleteScheduleInput $input, callable $next): void;
}
