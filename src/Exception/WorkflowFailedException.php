<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;

/**
 * The workflow run closed without a result: it failed, was cancelled, terminated or timed out. The cause
 * (getPrevious(), also getFailure()) says which: ApplicationFailure, CanceledFailure, TerminatedFailure or
 * TimeoutFailure.
 */
final class WorkflowFailedException extends TemporalException
{
    private WorkflowExecution $execution;
    private ?string $workflowType = null;

    private function __construct(string $message, TemporalFailure $previous)
    {
        parent::__construct($message, 0, $previous);
    }

    public static function create(WorkflowExecution $execution, ?string $workflowType, TemporalFailure $failure): self
    {
        $type = $workflowType === null ? '' : " of type \"$workflowType\"";
        $exception = new self("Workflow $execution$type failed: {$failure->getMessage()}", $failure);
        $exception->execution = $execution;
        $exception->workflowType = $workflowType;
        return $exception;
    }

    /** The run that closed. */
    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    /** The workflow type, when the handle knew it. */
    public function getWorkflowType(): ?string
    {
        return $this->workflowType;
    }

    /** The cause, as getPrevious(). */
    public function getFailure(): TemporalFailure
    {
        $failure = $this->getPrevious();
        \assert($failure instanceof TemporalFailure);
        return $failure;
    }
}
