<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** The workflow was terminated: stopped by the server without running any more workflow code. */
final class TerminatedFailure extends TemporalFailure
{
    public static function create(string $message, ?\Throwable $previous = null, string $originalStackTrace = ''): self
    {
        return new self($message, $previous, $originalStackTrace);
    }
}
