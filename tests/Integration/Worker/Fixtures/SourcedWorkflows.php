<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** One command of each kind whose source a worker can write into history; "source:" comments mark their lines. */
#[WorkflowInterface]
class SourcedWorkflow
{
    #[WorkflowMethod(name: 'PhpSourced')]
    public function run(): string
    {
        Workflow::sleep(0.001);  // source: timer
        $local = Workflow::executeLocalActivity('sourced.greet', ['local'], LocalActivityOptions::new()->withStartToCloseTimeout(10));  // source: local activity
        $remote = Workflow::executeActivity('sourced.greet', ['remote'], ActivityOptions::new()->withStartToCloseTimeout(10));  // source: activity
        $child = Workflow::executeChildWorkflow('PhpSourcedChild', [], ChildWorkflowOptions::new());  // source: child
        return "$local, $remote, $child";
    }
}

/** The same workflow with an activity added first: its replay of SourcedWorkflow's history fails. */
#[WorkflowInterface]
final class SourcedWorkflowWithAnActivityFirst extends SourcedWorkflow
{
    #[WorkflowMethod(name: 'PhpSourced')]
    public function run(): string
    {
        Workflow::executeActivity('sourced.greet', ['first'], ActivityOptions::new()->withStartToCloseTimeout(10));
        return parent::run();
    }
}

#[WorkflowInterface]
final class SourcedChildWorkflow
{
    #[WorkflowMethod(name: 'PhpSourcedChild')]
    public function run(): string
    {
        return 'child';
    }
}
