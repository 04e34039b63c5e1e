<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ChildWorkflowCancellationType;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\ParentClosePolicy;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

// Workflows for CallingConventionTest: a failing update found again by id, and an abandoned child of a
// cancelled parent.

#[WorkflowInterface]
final class RefusingUpdateWorkflow
{
    private bool $closed = false;

    #[WorkflowMethod(name: 'PhpRefusingUpdate')]
    public function run(): string
    {
        Workflow::await(fn (): bool => $this->closed);
        return 'closed';
    }

    /** Accepted (no validator), then fails: the failure is the update's outcome. */
    #[UpdateMethod]
    public function refuse(string $why): never
    {
        Workflow::sleep(0.1);
        throw ApplicationFailure::create($why, 'Refused');
    }

    #[UpdateMethod]
    public function close(): void
    {
        $this->closed = true;
    }
}

#[WorkflowInterface]
final class AbandoningParentWorkflow
{
    /** Waits for a child started with ParentClosePolicy::Abandon and $cancellationType, until cancelled itself. */
    #[WorkflowMethod(name: 'PhpAbandoningParent')]
    public function run(string $childId, int $cancellationType): string
    {
        return Workflow::executeChildWorkflow('PhpCancellable', [], ChildWorkflowOptions::new()
            ->withWorkflowId($childId)
            ->withParentClosePolicy(ParentClosePolicy::Abandon)
            ->withCancellationType(ChildWorkflowCancellationType::from($cancellationType)));
    }
}
