<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;

/**
 * A workflow update was rejected by its validator or its handler failed; the cause (getPrevious(), also
 * getFailure()) is the failure the workflow raised, usually an ApplicationFailure.
 */
final class WorkflowUpdateFailedException extends TemporalException
{
    private string $updateId = '';
    private string $updateName = '';

    private function __construct(string $message, TemporalFailure $previous)
    {
        parent::__construct($message, 0, $previous);
    }

    public static function create(
        string $workflowId,
        string $updateName,
        string $updateId,
        TemporalFailure $failure,
    ): self {
        $exception = new self(
            "Update \"$updateName\" ($updateId) of workflow \"$workflowId\" failed: {$failure->getMessage()}",
            $failure,
        );
        $exception->updateId = $updateId;
        $exception->updateName = $updateName;
        return $exception;
    }

    public function getUpdateId(): string
    {
        return $this->updateId;
    }

    /** The update's name, when the handle knew it ('' for a handle from getUpdateHandle()). */
    public function getUpdateName(): string
    {
        return $this->updateName;
    }

    public function getFailure(): TemporalFailure
    {
        $failure = $this->getPrevious();
        \assert($failure instanceof TemporalFailure);
        return $failure;
    }
}
