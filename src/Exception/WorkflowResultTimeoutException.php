<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;

/**
 * WorkflowHandle::result() gave up waiting: the timeout it was given passed before the workflow closed.
 * The workflow itself is unaffected and may still complete.
 */
final class WorkflowResultTimeoutException extends TemporalException
{
    private function __construct(string $message, ?\Throwable $previous)
    {
        parent::__construct($message, 0, $previous);
    }

    public static function after(
        float $timeoutSeconds,
        WorkflowExecution $execution,
        ?\Throwable $previous = null,
    ): self {
        return new self(
            sprintf('Workflow %s did not close within the %.3F s result timeout', $execution, $timeoutSeconds),
            $previous,
        );
    }
}
