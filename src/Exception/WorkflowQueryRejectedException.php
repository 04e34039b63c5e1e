<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Core\TemporalException;

/** The server refused to run a query because of the workflow's status and the query's reject condition. */
final class WorkflowQueryRejectedException extends TemporalException
{
    private WorkflowExecutionStatus $status;

    private function __construct(string $message)
    {
        parent::__construct($message);
    }

    public static function forStatus(WorkflowExecution $execution, string $query, WorkflowExecutionStatus $status): self
    {
        $exception = new self("Query \"$query\" of workflow $execution rejected: the workflow is {$status->name}");
        $exception->status = $status;
        return $exception;
    }

    /** The workflow's status when the query was rejected. */
    public function getWorkflowStatus(): WorkflowExecutionStatus
    {
        return $this->status;
    }
}
