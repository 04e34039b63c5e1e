<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

use TrueAsync\Temporal\Internal\ProtoTime;

/** A failure raised by workflow or activity code: a type name, details and whether retrying may help. */
final class ApplicationFailure extends TemporalFailure
{
    /** @var list<mixed> */
    private array $details = [];
    private string $type = '';
    private bool $nonRetryable = false;
    private ?float $nextRetryDelay = null;

    /**
     * @param string $type the error's type name, matched by retry policies' non-retryable error types
     * @param list<mixed> $details values that travel with the failure
     * @param ?float $nextRetryDelay seconds until the next attempt, overriding the retry policy's backoff
     * @throws \ValueError $nextRetryDelay is NaN, infinite or negative
     */
    public static function create(
        string $message,
        string $type,
        bool $nonRetryable = false,
        array $details = [],
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
        ?float $nextRetryDelay = null,
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->type = $type;
        $failure->nextRetryDelay = $nextRetryDelay === null
            ? null : ProtoTime::seconds($nextRetryDelay, 'ApplicationFailure::create(): $nextRetryDelay');
        $failure->nonRetryable = $nonRetryable;
        $failure->details = array_values($details);
        return $failure;
    }

    public function getType(): string
    {
        return $this->type;
    }

    public function isNonRetryable(): bool
    {
        return $this->nonRetryable;
    }

    /** Seconds until the next attempt, as the raiser asked; null: the retry policy decides. */
    public function getNextRetryDelay(): ?float
    {
        return $this->nextRetryDelay;
    }

    /** @return list<mixed> the decoded details */
    public function getDetails(): array
    {
        return $this->details;
    }
}
