<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
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
 * Around the calls of Client, WorkflowHandle and WorkflowUpdateHandle (register with Client::withInterceptors()):
 * one hook per call, run once per call, before any RPC. A hook may change its input (arguments, options, the
 * header the workflow receives) and pass the copy to $next, return without calling $next, or throw: the caller
 * gets that exception as is. Use WorkflowClientCallsInterceptorTrait to implement only some hooks.
 *
 * The header starts empty on every call: a hook sets the values the workflow's inbound interceptors read
 * (a tenant, a trace id...). Calls that only read (result, describe, history, list, count) carry none.
 */
interface WorkflowClientCallsInterceptor extends Interceptor
{
    /** @param callable(StartWorkflowInput): WorkflowHandle $next */
    public function start(StartWorkflowInput $input, callable $next): WorkflowHandle;

    /** @param callable(SignalWithStartInput): WorkflowHandle $next */
    public function signalWithStart(SignalWithStartInput $input, callable $next): WorkflowHandle;

    /** @param callable(UpdateWithStartInput): WorkflowUpdateHandle $next */
    public function updateWithStart(UpdateWithStartInput $input, callable $next): WorkflowUpdateHandle;

    /** @param callable(SignalInput): void $next */
    public function signal(SignalInput $input, callable $next): void;

    /**
     * @param callable(QueryInput): mixed $next
     * @return mixed the decoded answer
     */
    public function query(QueryInput $input, callable $next): mixed;

    /**
     * WorkflowHandle::startUpdate(), and update(), which then reads the outcome its start returned (no
     * pollUpdate()).
     *
     * @param callable(StartUpdateInput): WorkflowUpdateHandle $next
     */
    public function startUpdate(StartUpdateInput $input, callable $next): WorkflowUpdateHandle;

    /**
     * WorkflowUpdateHandle::result() waiting for an outcome the handle does not have yet.
     *
     * @param callable(PollUpdateInput): mixed $next
     * @return mixed the update's decoded result
     */
    public function pollUpdate(PollUpdateInput $input, callable $next): mixed;

    /**
     * WorkflowHandle::result().
     *
     * @param callable(GetResultInput): mixed $next
     * @return mixed the workflow's decoded result
     */
    public function getResult(GetResultInput $input, callable $next): mixed;

    /** @param callable(DescribeInput): WorkflowExecutionDescription $next */
    public function describe(DescribeInput $input, callable $next): WorkflowExecutionDescription;

    /** @param callable(CancelInput): void $next */
    public function cancel(CancelInput $input, callable $next): void;

    /** @param callable(TerminateInput): void $next */
    public function terminate(TerminateInput $input, callable $next): void;

    /**
     * Client::listWorkflows(), once: the iterator it returns fetches the pages later, as it advances.
     *
     * @param callable(ListWorkflowsInput): \Iterator<int, WorkflowExecutionDescription> $next
     * @return \Iterator<int, WorkflowExecutionDescription>
     */
    public function listWorkflows(ListWorkflowsInput $input, callable $next): \Iterator;

    /** @param callable(CountWorkflowsInput): int $next */
    public function countWorkflows(CountWorkflowsInput $input, callable $next): int;

    /** @param callable(FetchHistoryInput): WorkflowHistory $next */
    public function fetchHistory(FetchHistoryInput $input, callable $next): WorkflowHistory;
}
