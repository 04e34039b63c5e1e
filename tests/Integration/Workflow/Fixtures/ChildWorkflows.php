<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

// Workflows that start, cancel or outlive other workflows.

#[WorkflowInterface]
final class ParentWorkflow
{
    #[WorkflowMethod(name: 'PhpParent')]
    public function run(string $name): array
    {
        $child = Workflow::executeChildWorkflow('PhpGreeting', [$name]);
        $counted = Workflow::executeChildWorkflow('PhpCountdown', [3, []],
            Workflow\ChildWorkflowOptions::new()->withParentClosePolicy(Workflow\ParentClosePolicy::Abandon));
        return ['child' => $child, 'countdown' => $counted];
    }
}

#[WorkflowInterface]
final class StartChildWorkflow
{
    /** Starts a PhpSignalQuery child, goes on while it runs, signals it, then waits for its total. */
    #[WorkflowMethod(name: 'PhpStartChild')]
    public function run(): array
    {
        $child = Workflow::startChildWorkflow('PhpSignalQuery', [], Workflow\ChildWorkflowOptions::new()
            ->withWorkflowId(Workflow::getInfo()->workflowId . '-child'), 'int');
        $started = $child->getFirstExecutionRunId() !== '';
        $child->signal('add', 2);
        $child->signal('add', 3);
        $child->signal('finish');
        return [$child->getWorkflowId(), $started, $child->getResult()];
    }
}

#[WorkflowInterface]
final class ParentClosePolicyWorkflow
{
    /** Starts a long child with $policy, lets it start, then completes without waiting for it. */
    #[WorkflowMethod(name: 'PhpParentClosePolicy')]
    public function run(string $policy, string $childId): string
    {
        Workflow::async(fn () => Workflow::executeChildWorkflow('PhpCancellable', [], Workflow\ChildWorkflowOptions::new()
            ->withWorkflowId($childId)->withParentClosePolicy(Workflow\ParentClosePolicy::from((int) $policy))));
        Workflow::sleep(1);
        return 'parent closed';
    }
}

#[WorkflowInterface]
final class CancelChildWorkflow
{
    /** Cancels the branch its child runs in; the child ends cancelled and the parent sees why. */
    #[WorkflowMethod(name: 'PhpCancelChild')]
    public function run(string $childId): string
    {
        $branch = Workflow::async(fn () => Workflow::executeChildWorkflow('PhpCancellable', [],
            Workflow\ChildWorkflowOptions::new()->withWorkflowId($childId)));
        Workflow::sleep(1);
        $branch->cancel();
        try {
            $branch->await();
            return 'child completed';
        } catch (TemporalFailure $e) {
            return (new \ReflectionClass($e))->getShortName() . ' <- ' . (new \ReflectionClass($e->getPrevious()))->getShortName();
        }
    }
}

#[WorkflowInterface]
final class CancelExternalWorkflow
{
    #[WorkflowMethod(name: 'PhpCancelExternal')]
    public function run(string $targetId): string
    {
        Workflow::cancelExternalWorkflow($targetId);
        return 'cancellation requested';
    }
}
