<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;

/** The run whose result was asked for continued as a new run; getNewRunId() names that run. */
final class WorkflowContinuedAsNewException extends TemporalException
{
    private WorkflowExecution $execution;
    private string $newRunId;

    private function __construct(string $message)
    {
        parent::__construct($message);
    }

    public static function forRun(WorkflowExecution $execution, string $newRunId): self
    {
        $exception = new self("Workflow $execution continued as new run $newRunId");
        $exception->execution = $execution;
        $exception->newRunId = $newRunId;
        return $exception;
    }

    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    public function getNewRunId(): string
    {
        return $this->newRunId;
    }
}
