<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

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
 * Every hook of WorkflowOutboundCallsInterceptor passing its input on unchanged: use it and override the
 * hooks you need.
 */
trait WorkflowOutboundCallsInterceptorTrait
{
    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function executeLocalActivity(ExecuteLocalActivityInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function startChildWorkflow(StartChildWorkflowInput $input, callable $next): ChildWorkflowHandle
    {
        return $next($input);
    }

    public function signalExternalWorkflow(SignalExternalWorkflowInput $input, callable $next): void
    {
        $next($input);
    }

    public function cancelExternalWorkflow(CancelExternalWorkflowInput $input, callable $next): void
    {
        $next($input);
    }

    public function continueAsNew(ContinueAsNewInput $input, callable $next): never
    {
        $next($input);
    }

    public function timer(TimerInput $input, callable $next): void
    {
        $next($input);
    }

    public function getInfo(callable $next): WorkflowInfo
    {
        return $next();
    }
}
