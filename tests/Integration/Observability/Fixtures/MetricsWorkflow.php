<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability\Fixtures;

use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * One activity, then done: a known number of workflow and activity tasks for the metrics tests to count. The run
 * counts itself before the activity, in code a worker without a cache replays on the run's second task.
 */
#[WorkflowInterface]
final class MetricsWorkflow
{
    #[WorkflowMethod(name: 'PhpMetrics')]
    public function run(int $n): int
    {
        Workflow::getMetricMeter()->createCounter('php_metrics_workflow_runs', 'runs of PhpMetrics')
            ->add(1, ['parity' => $n % 2 === 0 ? 'even' : 'odd']);
        return Workflow::executeActivity('metrics.double', [$n], ActivityOptions::new()
            ->withStartToCloseTimeout(10)->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1)));
    }
}

/** Fails every workflow task (a plain exception), which the core logs as a warning. */
#[WorkflowInterface]
final class BrokenWorkflow
{
    #[WorkflowMethod(name: 'PhpMetricsBroken')]
    public function run(): void
    {
        throw new \RuntimeException('broken on purpose');
    }
}
