<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Interceptor\WorkflowInbound\ExecuteInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\UpdateInput;

/**
 * Wraps what reaches a workflow from outside: its start, signals, queries and updates. Each hook runs where
 * the handler would (the workflow's Fiber, the handler's Fiber, the query's read-only guard), after the
 * arguments were decoded and checked, and is called once per operation, on replay too: see
 * docs/DESIGN.md, "Interceptors", for what a hook may do. An exception it throws counts as the handler's own
 * (a non-Temporal one fails the workflow task; a TemporalFailure fails the workflow, or the update or query).
 * An input's args (withArgs()) are what the handler is called with; its header (withHeader()) reaches only
 * the interceptors inside this one, as handlers take none.
 * Use Trait\WorkflowInboundCallsInterceptorTrait to implement only the hooks you need.
 */
interface WorkflowInboundCallsInterceptor extends Interceptor
{
    /**
     * Runs the workflow method, in the workflow's main Fiber (Workflow:: calls work here).
     *
     * @param callable(ExecuteInput): mixed $next
     * @return mixed the workflow's result
     */
    public function execute(ExecuteInput $input, callable $next): mixed;

    /**
     * Runs a signal handler, in the handler's Fiber.
     *
     * @param callable(SignalInput): void $next
     */
    public function handleSignal(SignalInput $input, callable $next): void;

    /**
     * Runs a query handler, read-only like the handler: nothing here may wait or start anything. Built-in
     * queries (__stack_trace, __temporal_workflow_metadata) are answered without it.
     *
     * @param callable(QueryInput): mixed $next
     * @return mixed the query's answer
     */
    public function handleQuery(QueryInput $input, callable $next): mixed;

    /**
     * Validates a new update before it is accepted, read-only like a validator: an exception rejects the
     * update. Called for every new update when an interceptor is registered, whether or not the update has a
     * validator (then $next does nothing); not called again when an accepted update is replayed.
     *
     * @param callable(UpdateInput): void $next
     */
    public function validateUpdate(UpdateInput $input, callable $next): void;

    /**
     * Runs an accepted update's handler, in the handler's Fiber.
     *
     * @param callable(UpdateInput): mixed $next
     * @return mixed the update's result
     */
    public function handleUpdate(UpdateInput $input, callable $next): mixed;
}
