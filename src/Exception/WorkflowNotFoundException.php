<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core;

/** No workflow execution has this id (and run id) in the namespace (gRPC NOT_FOUND). */
final class WorkflowNotFoundException extends ServiceException
{
    private WorkflowExecution $execution;

    public static function forExecution(WorkflowExecution $execution, Core\ServiceException $status): self
    {
        $exception = new self("Workflow execution $execution not found: {$status->getGrpcMessage()}", $status);
        $exception->execution = $execution;
        return $exception;
    }

    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }
}
