<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\RetryPolicy;

/**
 * How a workflow runs a local activity: in this worker, recorded as a marker, for short work. A start-to-close
 * or schedule-to-close timeout is required. Retries shorter than the local retry threshold happen inside
 * the worker; longer backoffs become a workflow timer.
 */
final class LocalActivityOptions
{
    private float $scheduleToCloseTimeout = 0.0;
    private float $scheduleToStartTimeout = 0.0;
    private float $startToCloseTimeout = 0.0;
    private float $localRetryThreshold = 0.0;
    private ?RetryPolicy $retryPolicy = null;
    private ActivityCancellationType $cancellationType = ActivityCancellationType::WaitCancellationCompleted;

    public static function new(): self
    {
        return new self();
    }

    public function withScheduleToCloseTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('scheduleToCloseTimeout', ProtoTime::seconds($timeout, 'LocalActivityOptions::withScheduleToCloseTimeout()'));
    }

    public function withScheduleToStartTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('scheduleToStartTimeout', ProtoTime::seconds($timeout, 'LocalActivityOptions::withScheduleToStartTimeout()'));
    }

    public function withStartToCloseTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('startToCloseTimeout', ProtoTime::seconds($timeout, 'LocalActivityOptions::withStartToCloseTimeout()'));
    }

    /** Backoffs longer than this become a workflow timer (the core's default is one minute). */
    public function withLocalRetryThreshold(\DateInterval|int|float $threshold): self
    {
        return $this->with('localRetryThreshold', ProtoTime::seconds($threshold, 'LocalActivityOptions::withLocalRetryThreshold()'));
    }

    public function withRetryPolicy(?RetryPolicy $retryPolicy): self
    {
        return $this->with('retryPolicy', $retryPolicy);
    }

    /** @internal [schedule-to-close, schedule-to-start, start-to-close, local retry threshold], 0 = unset */
    public function getTimeouts(): array
    {
        return [$this->scheduleToCloseTimeout, $this->scheduleToStartTimeout, $this->startToCloseTimeout,
            $this->localRetryThreshold];
    }

    public function getRetryPolicy(): ?RetryPolicy
    {
        return $this->retryPolicy;
    }

    /** What a cancellation waits for (default WaitCancellationCompleted); see ActivityCancellationType. */
    public function withCancellationType(ActivityCancellationType $type): self
    {
        return $this->with('cancellationType', $type);
    }

    public function getCancellationType(): ActivityCancellationType
    {
        return $this->cancellationType;
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }
}
