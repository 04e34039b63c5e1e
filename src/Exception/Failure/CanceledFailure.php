<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** The workflow (or activity) was cancelled and accepted the cancellation. */
final class CanceledFailure extends TemporalFailure
{
    /** @var list<mixed> */
    private array $details = [];

    /** @param list<mixed> $details values that travel with the cancellation */
    public static function create(
        string $message,
        array $details = [],
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->details = array_values($details);
        return $failure;
    }

    /** @return list<mixed> the decoded details */
    public function getDetails(): array
    {
        return $this->details;
    }
}
