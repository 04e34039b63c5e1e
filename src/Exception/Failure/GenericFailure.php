<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/**
 * A failure of a kind this SDK version does not map to its own class yet (Nexus or reset failures, or none);
 * getKind() names the kind as the proto does, e.g. "reset_workflow_failure_info".
 */
final class GenericFailure extends TemporalFailure
{
    private string $kind = '';

    public static function create(
        string $message,
        string $kind,
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->kind = $kind;
        return $failure;
    }

    /** The failure_info field that was set, or '' when none was. */
    public function getKind(): string
    {
        return $this->kind;
    }
}
