<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client\Interceptor;

use PHPUnit\Framework\Assert;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
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
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowClient\CancelInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\CountWorkflowsInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\DescribeInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\FetchHistoryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\GetResultInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\ListWorkflowsInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\PollUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\TerminateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;

/**
 * Counts the calls of every client-side hook, then passes the input on. One object implements both interfaces,
 * which also shows that their hook names do not clash.
 */
final class CountingInterceptor implements WorkflowClientCallsInterceptor, ScheduleClientCallsInterceptor
{
    /** @var array<string, int> hook => calls */
    public array $calls = [];

    /**
     * Runs $operation and asserts that it called $hook once and no other hook.
     *
     * @return mixed what $operation returned
     */
    public function once(string $hook, \Closure $operation): mixed
    {
        $before = $this->calls;
        $result = $operation();
        $called = [];
        foreach ($this->calls as $name => $count) {
            if ($count !== ($before[$name] ?? 0)) {
                $called[$name] = $count - ($before[$name] ?? 0);
            }
        }
        Assert::assertSame([$hook => 1], $called, "the hooks the $hook operation called");
        return $result;
    }

    /** @param class-string $interface asserts that some operation ran each of its hooks */
    public function assertEveryHookOf(string $interface): void
    {
        $hooks = array_map(fn (\ReflectionMethod $m): string => $m->name, (new \ReflectionClass($interface))->getMethods());
        $seen = array_keys($this->calls);
        Assert::assertSame([], array_values(array_diff($hooks, $seen)), 'the hooks no operation ran');
    }

    public function start(StartWorkflowInput $input, callable $next): WorkflowHandle
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function signalWithStart(SignalWithStartInput $input, callable $next): WorkflowHandle
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function updateWithStart(UpdateWithStartInput $input, callable $next): WorkflowUpdateHandle
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function signal(SignalInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function query(QueryInput $input, callable $next): mixed
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function startUpdate(StartUpdateInput $input, callable $next): WorkflowUpdateHandle
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function pollUpdate(PollUpdateInput $input, callable $next): mixed
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function getResult(GetResultInput $input, callable $next): mixed
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function describe(DescribeInput $input, callable $next): WorkflowExecutionDescription
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function cancel(CancelInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function terminate(TerminateInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function listWorkflows(ListWorkflowsInput $input, callable $next): \Iterator
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function countWorkflows(CountWorkflowsInput $input, callable $next): int
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function fetchHistory(FetchHistoryInput $input, callable $next): WorkflowHistory
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function createSchedule(CreateScheduleInput $input, callable $next): ScheduleHandle
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function listSchedules(ListSchedulesInput $input, callable $next): \Iterator
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function describeSchedule(DescribeScheduleInput $input, callable $next): ScheduleDescription
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function updateSchedule(UpdateScheduleInput $input, callable $next): bool
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        return $next($input);
    }

    public function pauseSchedule(PauseScheduleInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function unpauseSchedule(UnpauseScheduleInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function triggerSchedule(TriggerScheduleInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function backfillSchedule(BackfillScheduleInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }

    public function deleteSchedule(DeleteScheduleInput $input, callable $next): void
    {
        $this->calls[__FUNCTION__] = ($this->calls[__FUNCTION__] ?? 0) + 1;
        $next($input);
    }
}
