<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\RetryPolicy;

/** How a workflow starts a child workflow. Immutable; each with*() returns a copy. */
final class ChildWorkflowOptions
{
    private ?string $workflowId = null;
    private ?string $taskQueue = null;
    private float $executionTimeout = 0.0;
    private float $runTimeout = 0.0;
    private float $taskTimeout = 0.0;
    private ParentClosePolicy $parentClosePolicy = ParentClosePolicy::Terminate;
    private ?RetryPolicy $retryPolicy = null;
    private ChildWorkflowCancellationType $cancellationType = ChildWorkflowCancellationType::WaitCancellationCompleted;

    public static function new(): self
    {
        return new self();
    }

    /** Defaults to a deterministic UUID from Workflow::uuid4(). */
    public function withWorkflowId(?string $workflowId): self
    {
        return $this->with('workflowId', Utf8::checkOptional($workflowId, 'ChildWorkflowOptions::withWorkflowId(): the workflow id'));
    }

    /** Defaults to the parent's task queue. */
    public function withTaskQueue(?string $taskQueue): self
    {
        return $this->with('taskQueue', Utf8::checkOptional($taskQueue, 'ChildWorkflowOptions::withTaskQueue(): the task queue'));
    }

    public function withWorkflowExecutionTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('executionTimeout', ProtoTime::seconds($timeout, 'ChildWorkflowOptions::withWorkflowExecutionTimeout()'));
    }

    public function withWorkflowRunTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('runTimeout', ProtoTime::seconds($timeout, 'ChildWorkflowOptions::withWorkflowRunTimeout()'));
    }

    public function withWorkflowTaskTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('taskTimeout', ProtoTime::seconds($timeout, 'ChildWorkflowOptions::withWorkflowTaskTimeout()'));
    }

    public function withParentClosePolicy(ParentClosePolicy $policy): self
    {
        return $this->with('parentClosePolicy', $policy);
    }

    /** What cancelling the child's branch waits for (default: the child's cancellation to complete). */
    public function withCancellationType(ChildWorkflowCancellationType $type): self
    {
        return $this->with('cancellationType', $type);
    }

    public function getCancellationType(): ChildWorkflowCancellationType
    {
        return $this->cancellationType;
    }

    public function withRetryPolicy(?RetryPolicy $retryPolicy): self
    {
        return $this->with('retryPolicy', $retryPolicy);
    }

    public function getWorkflowId(): ?string
    {
        return $this->workflowId;
    }

    public function getTaskQueue(): ?string
    {
        return $this->taskQueue;
    }

    /** @internal [execution, run, task] timeouts in seconds, 0 = unset */
    public function getTimeouts(): array
    {
        return [$this->executionTimeout, $this->runTimeout, $this->taskTimeout];
    }

    public function getParentClosePolicy(): ParentClosePolicy
    {
        return $this->parentClosePolicy;
    }

    public function getRetryPolicy(): ?RetryPolicy
    {
        return $this->retryPolicy;
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }
}
