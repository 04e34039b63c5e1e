<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Core\TemporalException;

/**
 * The workflow's query handler failed, or the workflow has no handler for the query; the message is the
 * worker's. The ext's Core\ServiceException is the previous.
 */
final class WorkflowQueryFailedException extends TemporalException
{
    private function __construct(string $message, Core\ServiceException $previous)
    {
        parent::__construct($message, 0, $previous);
    }

    public static function fromStatus(Core\ServiceException $status): self
    {
        return new self("Query failed: {$status->getGrpcMessage()}", $status);
    }
}
