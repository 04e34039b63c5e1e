<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Version 1 of "PhpExplained": an activity, then a wait for the signal "go". */
#[WorkflowInterface]
class ExplainedWorkflowV1
{
    protected bool $go = false;

    #[WorkflowMethod(name: 'PhpExplained')]
    public function run(): string
    {
        Workflow::executeActivity('wf.greet', ['v1'], ActivityOptions::new()->withStartToCloseTimeout(30));
        Workflow::await(fn (): bool => $this->go);
        return 'done';
    }

    #[SignalMethod]
    public function go(): void
    {
        $this->go = true;
    }
}

/** Version 2, deployed while a version 1 run waits: a timer added before the activity. */
#[WorkflowInterface]
final class ExplainedWorkflowV2 extends ExplainedWorkflowV1
{
    #[WorkflowMethod(name: 'PhpExplained')]
    public function run(): string
    {
        Workflow::sleep(1);
        Workflow::executeActivity('wf.greet', ['v2'], ActivityOptions::new()->withStartToCloseTimeout(30));
        Workflow::await(fn (): bool => $this->go);
        return 'done';
    }
}
