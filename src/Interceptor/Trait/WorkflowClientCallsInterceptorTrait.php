<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
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
 * Every hook of WorkflowClientCallsInterceptor passing its input on unchanged: use it in an interceptor that
 * implements only the hooks it needs.
 *
 * @see WorkflowClientCallsInterceptor
 */
trait WorkflowClientCallsInterceptorTrait
{
    public function start(StartWorkflowInput $input, callable $next): WorkflowHandle
    {
        return $next($input);
    }

    public function signalWithStart(SignalWithStartInput $input, callable $next): WorkflowHandle
    {
        return $next($input);
    }

    public function updateWithStart(UpdateWithStartInput $input, callable $next): WorkflowUpdateHandle
    {
        return $next($input);
    }

    public function signal(SignalInput $input, callable $next): void
    {
        $next($input);
    }

    public function query(QueryInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function startUpdate(StartUpdateInput $input, callable $next): WorkflowUpdateHandle
    {
        return $next($input);
    }

    public function pollUpdate(PollUpdateInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function getResult(GetResultInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function describe(DescribeInput $input, callable $next): WorkflowExecutionDescription
    {
        return $next($input);
    }

    public function cancel(CancelInput $input, callable $next): void
    {
        $next($input);
    }

    public function terminate(TerminateInput $input, callable $next): void
    {
        $next($input);
    }

    public function listWorkflows(ListWorkflowsInput $input, callable $next): \Iterator
    {
        return $next($input);
    }

    public function countWorkflows(CountWorkflowsInput $input, callable $next): int
    {
        return $next($input);
    }

    public function fetchHistory(FetchHistoryInput $input, callable $next): WorkflowHistory
    {
        return $next($input);
    }
}
