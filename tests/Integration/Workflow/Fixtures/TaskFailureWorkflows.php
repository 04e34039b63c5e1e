<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

// Workflows whose bugs fail their workflow task until the fixed code is deployed (WORKFLOW_BUG_FIXED=1).

#[WorkflowInterface]
final class BuggyWorkflow
{
    /** The "bug" is fixed by deploying a worker started with WORKFLOW_BUG_FIXED=1 (a new code version). */
    #[WorkflowMethod(name: 'PhpBuggy')]
    public function run(): string
    {
        Workflow::sleep(0.1);
        if (getenv('WORKFLOW_BUG_FIXED') !== '1') {
            throw new \DomainException('bug in workflow code');
        }
        return 'fixed';
    }
}

#[WorkflowInterface]
final class ClockReadingWorkflow
{
    #[WorkflowMethod(name: 'PhpReadsClock')]
    public function run(): string
    {
        Workflow::sleep(0.1);
        $now = getenv('WORKFLOW_BUG_FIXED') === '1' ? Workflow::now()->getTimestamp() : time();
        return $now > 0 ? 'read the workflow clock' : 'no clock';
    }
}

#[WorkflowInterface]
final class SpinningWorkflow
{
    #[WorkflowMethod(name: 'PhpSpins')]
    public function run(): string
    {
        Workflow::sleep(0.1);
        if (getenv('WORKFLOW_BUG_FIXED') !== '1') {
            while (true) {
                try {
                    for (;;) {
                    }
                } catch (\Throwable) {
                    // a catch-all must not keep the guard from stopping this
                }
            }
        }
        return 'no longer spins';
    }
}
