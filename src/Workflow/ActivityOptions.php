<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\RetryPolicy;

/**
 * How a workflow runs an activity. Immutable; each with*() returns a copy. A start-to-close or
 * schedule-to-close timeout is required. Durations are seconds or a \DateInterval.
 */
final class ActivityOptions
{
    private ?string $taskQueue = null;
    private float $scheduleToCloseTimeout = 0.0;
    private float $scheduleToStartTimeout = 0.0;
    private float $startToCloseTimeout = 0.0;
    private float $heartbeatTimeout = 0.0;
    private ?RetryPolicy $retryPolicy = null;
    private ActivityCancellationType $cancellationType = ActivityCancellationType::TryCancel;

    public static function new(): self
    {
        return new self();
    }

    /** Defaults to the workflow's own task queue. */
    public function withTaskQueue(?string $taskQueue): self
    {
        return $this->with('taskQueue', Utf8::checkOptional($taskQueue, 'ActivityOptions::withTaskQueue(): the task queue'));
    }

    public function withScheduleToCloseTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('scheduleToCloseTimeout', ProtoTime::seconds($timeout, 'ActivityOptions::withScheduleToCloseTimeout()'));
    }

    public function withScheduleToStartTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('scheduleToStartTimeout', ProtoTime::seconds($timeout, 'ActivityOptions::withScheduleToStartTimeout()'));
    }

    public function withStartToCloseTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('startToCloseTimeout', ProtoTime::seconds($timeout, 'ActivityOptions::withStartToCloseTimeout()'));
    }

    public function withHeartbeatTimeout(\DateInterval|int|float $timeout): self
    {
        return $this->with('heartbeatTimeout', ProtoTime::seconds($timeout, 'ActivityOptions::withHeartbeatTimeout()'));
    }

    public function withRetryPolicy(?RetryPolicy $retryPolicy): self
    {
        return $this->with('retryPolicy', $retryPolicy);
    }

    public function getTaskQueue(): ?string
    {
        return $this->taskQueue;
    }

    /** @internal [schedule-to-close, schedule-to-start, start-to-close, heartbeat] in seconds, 0 = unset */
    public function getTimeouts(): array
    {
        return [$this->scheduleToCloseTimeout, $this->scheduleToStartTimeout, $this->startToCloseTimeout,
            $this->heartbeatTimeout];
    }

    public function getRetryPolicy(): ?RetryPolicy
    {
        return $this->retryPolicy;
    }

    /** What a cancellation waits for (default TryCancel); see ActivityCancellationType. */
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
