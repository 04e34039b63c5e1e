<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** A failure the server itself raised (for example a workflow task that could not be completed). */
final class ServerFailure extends TemporalFailure
{
    private bool $nonRetryable = false;

    public static function create(
        string $message,
        bool $nonRetryable = false,
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->nonRetryable = $nonRetryable;
        return $failure;
    }

    public function isNonRetryable(): bool
    {
        return $this->nonRetryable;
    }
}
