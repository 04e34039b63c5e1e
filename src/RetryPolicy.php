<?php

declare(strict_types=1);

namespace TrueAsync\Temporal;

use TrueAsync\Temporal\Api\Common\V1\RetryPolicy as RetryPolicyMessage;
use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * How the server retries a workflow or activity: the first interval, the backoff coefficient, the longest
 * interval, the number of attempts and the failure types never to retry. Immutable: every with*() returns a
 * copy. Unset values take the server's defaults (1 s, 2.0, 100 x the initial interval, unlimited).
 */
final class RetryPolicy
{
    private float $initialInterval = 0.0;
    private float $backoffCoefficient = 0.0;
    private float $maximumInterval = 0.0;
    private int $maximumAttempts = 0;
    /** @var list<string> */
    private array $nonRetryableErrorTypes = [];

    public static function new(): self
    {
        return new self();
    }

    /** @throws \ValueError $interval is negative */
    public function withInitialInterval(\DateInterval|int|float $interval): self
    {
        $copy = clone $this;
        $copy->initialInterval = ProtoTime::seconds($interval, 'RetryPolicy::withInitialInterval()');
        return $copy;
    }

    /** @throws \ValueError $coefficient is below 1 */
    public function withBackoffCoefficient(float $coefficient): self
    {
        if ($coefficient < 1.0) {
            throw new \ValueError('RetryPolicy::withBackoffCoefficient(): $coefficient must be at least 1');
        }
        $copy = clone $this;
        $copy->backoffCoefficient = $coefficient;
        return $copy;
    }

    /** @throws \ValueError $interval is negative */
    public function withMaximumInterval(\DateInterval|int|float $interval): self
    {
        $copy = clone $this;
        $copy->maximumInterval = ProtoTime::seconds($interval, 'RetryPolicy::withMaximumInterval()');
        return $copy;
    }

    /**
     * The number of attempts, the first included; 0 means unlimited.
     *
     * @throws \ValueError $attempts is negative
     */
    public function withMaximumAttempts(int $attempts): self
    {
        if ($attempts < 0) {
            throw new \ValueError('RetryPolicy::withMaximumAttempts(): $attempts must not be negative');
        }
        $copy = clone $this;
        $copy->maximumAttempts = $attempts;
        return $copy;
    }

    /** Application failure types (ApplicationFailure::getType()) that are never retried. */
    public function withNonRetryableErrorTypes(string ...$types): self
    {
        $copy = clone $this;
        $copy->nonRetryableErrorTypes = array_values($types);
        return $copy;
    }

    /** In seconds; 0: the server's default. */
    public function getInitialInterval(): float
    {
        return $this->initialInterval;
    }

    /** 0: the server's default. */
    public function getBackoffCoefficient(): float
    {
        return $this->backoffCoefficient;
    }

    /** In seconds; 0: the server's default. */
    public function getMaximumInterval(): float
    {
        return $this->maximumInterval;
    }

    /** 0: unlimited. */
    public function getMaximumAttempts(): int
    {
        return $this->maximumAttempts;
    }

    /** @return list<string> */
    public function getNonRetryableErrorTypes(): array
    {
        return $this->nonRetryableErrorTypes;
    }

    /** @internal */
    public function toMessage(): RetryPolicyMessage
    {
        $message = new RetryPolicyMessage([
            'backoff_coefficient' => $this->backoffCoefficient,
            'maximum_attempts' => $this->maximumAttempts,
            'non_retryable_error_types' => $this->nonRetryableErrorTypes,
        ]);
        if ($this->initialInterval > 0) {
            $message->setInitialInterval(ProtoTime::toDuration($this->initialInterval));
        }
        if ($this->maximumInterval > 0) {
            $message->setMaximumInterval(ProtoTime::toDuration($this->maximumInterval));
        }
        return $message;
    }

    /** @internal */
    public static function fromMessage(RetryPolicyMessage $message): self
    {
        $policy = new self();
        $policy->initialInterval = ProtoTime::durationSeconds($message->getInitialInterval());
        $policy->backoffCoefficient = $message->getBackoffCoefficient();
        $policy->maximumInterval = ProtoTime::durationSeconds($message->getMaximumInterval());
        $policy->maximumAttempts = $message->getMaximumAttempts();
        $policy->nonRetryableErrorTypes = iterator_to_array($message->getNonRetryableErrorTypes(), false);
        return $policy;
    }
}
