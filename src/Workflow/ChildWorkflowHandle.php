<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Workflow\Internal\ChildWorkflows;

/**
 * A child workflow that has started (Workflow::startChildWorkflow()). Its result may be waited for later,
 * or never: a child nobody waits for is governed by its parent close policy when the parent ends.
 * Cancel a child by cancelling the branch (Workflow::async()) that waits for its result.
 */
final class ChildWorkflowHandle
{
    /** @internal made by Workflow::startChildWorkflow() */
    public function __construct(
        private readonly ChildWorkflows $children,
        private readonly int $seq,
        private readonly string $workflowId,
        private readonly string $firstRunId,
        private readonly ?string $returnType,
    ) {
    }

    public function getWorkflowId(): string
    {
        return $this->workflowId;
    }

    /** The run the child started with (continue-as-new may give it later runs). */
    public function getFirstExecutionRunId(): string
    {
        return $this->firstRunId;
    }

    /**
     * Waits for the child to close and returns its result (decoded as the $returnType given at start).
     *
     * @throws TemporalFailure the child failed, was cancelled, terminated or timed out
     */
    public function getResult(): mixed
    {
        return $this->children->result($this->seq, $this->returnType);
    }

    /**
     * Signals the child and waits until the server took the signal.
     *
     * @param mixed ...$args the signal's arguments, in order (as WorkflowHandle::signal() takes them)
     * @throws TemporalFailure the signal could not be delivered
     */
    public function signal(string $name, mixed ...$args): void
    {
        Internal\WorkflowRun::current()->context->signalExternal($this->workflowId, null, $name, array_values($args));
    }
}
