<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Interceptor\WorkflowOutbound\CancelExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ContinueAsNewInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteLocalActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\SignalExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\StartChildWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\TimerInput;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * Wraps what workflow code asks of Temporal through the Workflow:: functions. Each hook runs in the calling
 * Fiber, so it may itself call Workflow:: functions, and it is workflow code: it runs on replay as the
 * workflow does and must be as deterministic (docs/DESIGN.md, "Interceptors"). A header set on an input is
 * sent with the command, to the activity or the other workflow. Use
 * Trait\WorkflowOutboundCallsInterceptorTrait to implement only the hooks you need.
 */
interface WorkflowOutboundCallsInterceptor extends Interceptor
{
    /**
     * Workflow::executeActivity() and activity stubs: schedules the activity and waits for its result.
     *
     * @param callable(ExecuteActivityInput): mixed $next
     */
    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed;

    /**
     * Workflow::executeLocalActivity() and local activity stubs: runs it (retries included) and waits.
     *
     * @param callable(ExecuteLocalActivityInput): mixed $next
     */
    public function executeLocalActivity(ExecuteLocalActivityInput $input, callable $next): mixed;

    /**
     * Workflow::startChildWorkflow(), and executeChildWorkflow() (which waits for the handle's result after).
     *
     * @param callable(StartChildWorkflowInput): ChildWorkflowHandle $next
     */
    public function startChildWorkflow(StartChildWorkflowInput $input, callable $next): ChildWorkflowHandle;

    /**
     * Workflow::signalExternalWorkflow() and ChildWorkflowHandle::signal(): sends the signal and waits until
     * it is delivered.
     *
     * @param callable(SignalExternalWorkflowInput): void $next
     */
    public function signalExternalWorkflow(SignalExternalWorkflowInput $input, callable $next): void;

    /**
     * Workflow::cancelExternalWorkflow(): asks the workflow to cancel and waits until that is recorded.
     *
     * @param callable(CancelExternalWorkflowInput): void $next
     */
    public function cancelExternalWorkflow(CancelExternalWorkflowInput $input, callable $next): void;

    /**
     * Workflow::continueAsNew(): $next ends the run (it throws what unwinds the workflow; let it through).
     *
     * @param callable(ContinueAsNewInput): never $next
     */
    public function continueAsNew(ContinueAsNewInput $input, callable $next): never;

    /**
     * Workflow::sleep() and Workflow::timer() (not the timer behind Workflow::await()'s timeout): waits the
     * durable timer; a wait of 0 seconds or less starts none but is still a call.
     *
     * @param callable(TimerInput): void $next
     */
    public function timer(TimerInput $input, callable $next): void;

    /**
     * Workflow::getInfo().
     *
     * @param callable(): WorkflowInfo $next
     */
    public function getInfo(callable $next): WorkflowInfo;
}
