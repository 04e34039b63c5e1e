<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Interceptor\Fixtures;

use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * What each step of a trace found as its traceparent: the workflow, its activity, its child and the child's
 * activity; and, by query, what a query carried.
 */
#[WorkflowInterface]
final class TraceParentWorkflow
{
    #[WorkflowMethod(name: 'PhpTraceParent')]
    public function run(): array
    {
        return [
            'workflow' => TraceparentInterceptor::inWorkflow(),
            'activity' => Workflow::executeActivity('trace.seen', [], traceActivityOptions()),
            'child' => Workflow::executeChildWorkflow('PhpTraceChild'),
        ];
    }

    /** The traceparent the query itself carried (not the run's): a query comes from a client of its own. */
    #[QueryMethod(name: 'traceparent')]
    public function traceparent(): ?string
    {
        return TraceparentInterceptor::inQuery();
    }
}

#[WorkflowInterface]
final class TraceChildWorkflow
{
    #[WorkflowMethod(name: 'PhpTraceChild')]
    public function run(): array
    {
        return [
            'workflow' => TraceparentInterceptor::inWorkflow(),
            'activity' => Workflow::executeActivity('trace.seen', [], traceActivityOptions()),
        ];
    }
}

function traceActivityOptions(): ActivityOptions
{
    return ActivityOptions::new()->withStartToCloseTimeout(10)->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1));
}
