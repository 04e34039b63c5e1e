<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\UpdateValidatorMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * Every outbound call once (two child starts: one to signal, one to cancel), then waits for the signal
 * "release" and continues as new once; takes a validated update and answers a query meanwhile.
 */
#[WorkflowInterface]
final class CountedWorkflow
{
    private bool $released = false;
    private int $bumps = 0;

    #[WorkflowMethod(name: 'PhpCounted')]
    public function run(int $round): string
    {
        if ($round > 0) {
            return 'continued';
        }
        $id = Workflow::getInfo()->workflowId;
        Workflow::executeActivity('wf.greet', ['activity'], activityOptions());
        Workflow::executeLocalActivity('wf.greet', ['local'], LocalActivityOptions::new()->withStartToCloseTimeout(10));
        $child = Workflow::startChildWorkflow('PhpCountedChild', [], ChildWorkflowOptions::new()->withWorkflowId("$id-child"));
        $child->signal('go');
        $child->getResult();
        Workflow::startChildWorkflow('PhpCountedChild', [], ChildWorkflowOptions::new()->withWorkflowId("$id-cancelled"));
        Workflow::cancelExternalWorkflow("$id-cancelled");
        Workflow::sleep(0.1);
        Workflow::await(fn (): bool => $this->released);
        Workflow::continueAsNew([1]);
    }

    #[SignalMethod]
    public function release(): void
    {
        $this->released = true;
    }

    #[QueryMethod]
    public function bumps(): int
    {
        return $this->bumps;
    }

    #[UpdateValidatorMethod(forUpdate: 'bump')]
    public function validateBump(int $by): void
    {
        if ($by <= 0) {
            throw new \InvalidArgumentException('bump by a positive number');
        }
    }

    #[UpdateMethod]
    public function bump(int $by): int
    {
        return $this->bumps += $by;
    }
}

/** Waits for the signal "go" (or a cancellation); the tenant tests' child too. */
#[WorkflowInterface]
final class CountedChildWorkflow
{
    private bool $go = false;

    #[WorkflowMethod(name: 'PhpCountedChild')]
    public function run(): string
    {
        Workflow::await(fn (): bool => $this->go);
        return 'went';
    }

    #[SignalMethod]
    public function go(): void
    {
        $this->go = true;
    }
}

/**
 * Runs an activity and a child it signals, then continues as new once with the child's result: the tenant
 * interceptor carries the run's header to each and wraps the results with what arrived.
 */
#[WorkflowInterface]
final class TenantParentWorkflow
{
    #[WorkflowMethod(name: 'PhpTenantParent')]
    public function run(int $round, mixed $childResult = null): mixed
    {
        if ($round > 0) {
            return $childResult;
        }
        $id = Workflow::getInfo()->workflowId;
        Workflow::executeActivity('wf.greet', ['tenant'], activityOptions());
        $child = Workflow::startChildWorkflow('PhpCountedChild', [], ChildWorkflowOptions::new()->withWorkflowId("$id-child"));
        $child->signal('go');
        Workflow::continueAsNew([1, $child->getResult()]);
    }
}

/** Sums the signals "add" until "finish"; "explode" is a signal the policy interceptor refuses. */
#[WorkflowInterface]
final class SignalSumWorkflow
{
    private int $sum = 0;
    private bool $finished = false;

    #[WorkflowMethod(name: 'PhpSignalSum')]
    public function run(): int
    {
        Workflow::await(fn (): bool => $this->finished);
        return $this->sum;
    }

    #[SignalMethod]
    public function add(int $n): void
    {
        $this->sum += $n;
    }

    #[SignalMethod]
    public function explode(): void
    {
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finished = true;
    }
}

/** Calls an activity the policy interceptor forbids. */
#[WorkflowInterface]
final class ForbiddenActivityWorkflow
{
    #[WorkflowMethod(name: 'PhpForbiddenActivity')]
    public function run(): mixed
    {
        return Workflow::executeActivity('wf.forbidden', [], activityOptions());
    }
}
