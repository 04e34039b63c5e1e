<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * How Client::start() starts a workflow: its id, task queue and timeouts. Immutable: every with*() returns a
 * copy. Timeouts are a \DateInterval or a number of seconds; 0 or unset leaves the server's default.
 */
final class WorkflowOptions
{
    private ?string $workflowId = null;
    private ?string $taskQueue = null;
    private float $workflowExecutionTimeout = 0.0;
    private float $workflowRunTimeout = 0.0;
    private float $workflowTaskTimeout = 0.0;

    public static function new(): self
    {
        return new self();
    }

    /** The business id of the workflow; without one, start() picks a random UUID. */
    public function withWorkflowId(string $workflowId): self
    {
        $copy = clone $this;
        $copy->workflowId = $workflowId;
        return $copy;
    }

    /** The task queue the workflow's worker polls (required). */
    public function withTaskQueue(string $taskQueue): self
    {
        $copy = clone $this;
        $copy->taskQueue = $taskQueue;
        return $copy;
    }

    /**
     * The limit on the whole execution, retries and continue-as-new included.
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowExecutionTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowExecutionTimeout = ProtoTime::seconds($timeout, 'The workflow execution timeout');
        return $copy;
    }

    /**
     * The limit on a single run.
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowRunTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowRunTimeout = ProtoTime::seconds($timeout, 'The workflow run timeout');
        return $copy;
    }

    /**
     * The limit on one workflow task (the server defaults to 10 s).
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowTaskTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowTaskTimeout = ProtoTime::seconds($timeout, 'The workflow task timeout');
        return $copy;
    }

    public function getWorkflowId(): ?string
    {
        return $this->workflowId;
    }

    public function getTaskQueue(): ?string
    {
        return $this->taskQueue;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowExecutionTimeout(): float
    {
        return $this->workflowExecutionTimeout;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowRunTimeout(): float
    {
        return $this->workflowRunTimeout;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowTaskTimeout(): float
    {
        return $this->workflowTaskTimeout;
    }
}
