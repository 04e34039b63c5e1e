<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

use TrueAsync\Temporal\Client\WorkflowExecution;

/** A child workflow failed, was cancelled, terminated or timed out; getPrevious() says which and why. */
final class ChildWorkflowFailure extends TemporalFailure
{
    private string $namespace = '';
    private WorkflowExecution $execution;
    private string $workflowType = '';
    private RetryState $retryState = RetryState::Unspecified;
    private int $initiatedEventId = 0;
    private int $startedEventId = 0;

    public static function create(
        string $message,
        string $namespace,
        WorkflowExecution $execution,
        string $workflowType,
        RetryState $retryState = RetryState::Unspecified,
        int $initiatedEventId = 0,
        int $startedEventId = 0,
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->namespace = $namespace;
        $failure->execution = $execution;
        $failure->workflowType = $workflowType;
        $failure->retryState = $retryState;
        $failure->initiatedEventId = $initiatedEventId;
        $failure->startedEventId = $startedEventId;
        return $failure;
    }

    public function getNamespace(): string
    {
        return $this->namespace;
    }

    /** The child's workflow id and run id. */
    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    public function getWorkflowType(): string
    {
        return $this->workflowType;
    }

    public function getRetryState(): RetryState
    {
        return $this->retryState;
    }

    public function getInitiatedEventId(): int
    {
        return $this->initiatedEventId;
    }

    public function getStartedEventId(): int
    {
        return $this->startedEventId;
    }
}
