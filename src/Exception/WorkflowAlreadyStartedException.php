<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/**
 * A workflow with this id is already running (gRPC ALREADY_EXISTS). getRunId() is the running run's id when
 * the server sent it.
 */
final class WorkflowAlreadyStartedException extends ServiceException
{
    private string $workflowId = '';
    private string $workflowType = '';
    private ?string $runId = null;

    public static function forWorkflow(
        string $workflowId,
        string $workflowType,
        ?string $runId,
        Core\ServiceException $status,
    ): self {
        $running = $runId === null ? '' : " (run $runId)";
        $message = "Workflow \"$workflowId\" of type \"$workflowType\" is already running$running";
        $exception = new self("$message: {$status->getGrpcMessage()}", $status);
        $exception->workflowId = $workflowId;
        $exception->workflowType = $workflowType;
        $exception->runId = $runId;
        return $exception;
    }

    public function getWorkflowId(): string
    {
        return $this->workflowId;
    }

    public function getWorkflowType(): string
    {
        return $this->workflowType;
    }

    /** The run id of the execution that is already running, or null when the server did not say. */
    public function getRunId(): ?string
    {
        return $this->runId;
    }
}
