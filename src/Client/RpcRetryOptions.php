<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Seconds;

/**
 * How the core retries a client call that failed with a transient gRPC status (UNAVAILABLE, RESOURCE_EXHAUSTED,
 * INTERNAL, UNKNOWN, ABORTED, OUT_OF_RANGE, DATA_LOSS): exponential backoff with jitter, within a number of
 * retries and a total time. ConnectionOptions::withRpcRetryOptions() sets it; new() holds the core's defaults
 * (the other SDKs' too). A call's RPC timeout (withRpcTimeout()) bounds its retries as well. Immutable: every
 * with*() returns a copy.
 */
final class RpcRetryOptions
{
    private float $initialInterval = 0.1;
    private float $randomizationFactor = 0.2;
    private float $multiplier = 1.7;
    private float $maxInterval = 5.0;
    private ?float $maxElapsedTime = 10.0;
    /** The core's default of 10 attempts, counted as retries after the first. */
    private ?int $maxRetries = 9;

    private function __construct()
    {
    }

    /** The core's defaults: 0.1 s, ±20 %, ×1.7, at most 5 s apart, for at most 10 s and 9 retries. */
    public static function new(): self
    {
        return new self();
    }

    /**
     * The wait before the first retry; default 0.1 s.
     *
     * @throws \ValueError $seconds is NaN, infinite or negative
     */
    public function withInitialInterval(float $seconds): self
    {
        $copy = clone $this;
        $copy->initialInterval = ProtoTime::seconds($seconds, 'RpcRetryOptions::withInitialInterval()');
        return $copy;
    }

    /**
     * How much each wait varies at random, as a fraction of it: 0.2 (the default) waits 80 % to 120 %.
     *
     * @throws \ValueError $factor is not in [0, 1]
     */
    public function withRandomizationFactor(float $factor): self
    {
        if (!($factor >= 0.0 && $factor <= 1.0)) {
            throw new \ValueError('RpcRetryOptions::withRandomizationFactor(): $factor must be in [0, 1], got '
                . var_export($factor, true));
        }
        $copy = clone $this;
        $copy->randomizationFactor = $factor;
        return $copy;
    }

    /**
     * Each wait is the previous one times this, up to the max interval; default 1.7.
     *
     * @throws \ValueError $multiplier is NaN, infinite or below 1
     */
    public function withMultiplier(float $multiplier): self
    {
        if (!is_finite($multiplier) || $multiplier < 1.0) {
            throw new \ValueError('RpcRetryOptions::withMultiplier(): $multiplier must be a finite number >= 1, got '
                . var_export($multiplier, true));
        }
        $copy = clone $this;
        $copy->multiplier = $multiplier;
        return $copy;
    }

    /**
     * The longest wait between two attempts; default 5 s. Must not be less than the initial interval.
     *
     * @throws \ValueError $seconds is NaN, infinite or negative
     */
    public function withMaxInterval(float $seconds): self
    {
        $copy = clone $this;
        $copy->maxInterval = ProtoTime::seconds($seconds, 'RpcRetryOptions::withMaxInterval()');
        return $copy;
    }

    /**
     * Stop retrying once a retry would start this long after the first attempt; default 10 s.
     *
     * @param ?float $seconds null: no limit (then only the retry count and the call's RPC timeout stop it)
     * @throws \ValueError $seconds is NaN, infinite or negative
     */
    public function withMaxElapsedTime(?float $seconds): self
    {
        $copy = clone $this;
        $copy->maxElapsedTime = $seconds === null
            ? null
            : ProtoTime::seconds($seconds, 'RpcRetryOptions::withMaxElapsedTime()');
        return $copy;
    }

    /**
     * How many times a failed call is tried again after its first attempt; default 9 (10 attempts). 0 never
     * retries (as ConnectionOptions::withRpcRetryOptions(null) does).
     *
     * @param ?int $retries null: no limit (then only the max elapsed time and the call's RPC timeout stop it)
     * @throws \ValueError $retries is negative
     */
    public function withMaxRetries(?int $retries): self
    {
        if ($retries !== null && $retries < 0) {
            throw new \ValueError("RpcRetryOptions::withMaxRetries(): \$retries must not be negative, got $retries");
        }
        $copy = clone $this;
        $copy->maxRetries = $retries;
        return $copy;
    }

    public function getInitialInterval(): float
    {
        return $this->initialInterval;
    }

    public function getRandomizationFactor(): float
    {
        return $this->randomizationFactor;
    }

    public function getMultiplier(): float
    {
        return $this->multiplier;
    }

    public function getMaxInterval(): float
    {
        return $this->maxInterval;
    }

    public function getMaxElapsedTime(): ?float
    {
        return $this->maxElapsedTime;
    }

    public function getMaxRetries(): ?int
    {
        return $this->maxRetries;
    }

    /**
     * The connect options' "retry" object (docs/DESIGN.md).
     *
     * @internal
     * @return array<string, int|float|null>
     * @throws \ValueError the max interval is less than the initial interval
     */
    public function toArray(): array
    {
        if ($this->maxInterval < $this->initialInterval) {
            throw new \ValueError(sprintf(
                'RpcRetryOptions: the max interval (%s) must not be less than the initial interval (%s)',
                Seconds::format($this->maxInterval),
                Seconds::format($this->initialInterval),
            ));
        }
        return [
            'initial_interval_ms' => self::ms($this->initialInterval),
            'randomization_factor' => $this->randomizationFactor,
            'multiplier' => $this->multiplier,
            'max_interval_ms' => self::ms($this->maxInterval),
            'max_elapsed_time_ms' => $this->maxElapsedTime === null ? null : self::ms($this->maxElapsedTime),
            'max_retries' => $this->maxRetries,
        ];
    }

    /** Capped at 2^53 ms (285,000 years), which a float, PHP's int and the bridge's u64 all hold exactly. */
    private static function ms(float $seconds): int
    {
        return (int) min(round($seconds * 1000), 9007199254740992.0);
    }
}
