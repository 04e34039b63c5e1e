<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/**
 * An activity failed, timed out or was cancelled; getPrevious() is the reason (an ApplicationFailure,
 * TimeoutFailure, CanceledFailure...), as raised by the activity in any SDK.
 */
final class ActivityFailure extends TemporalFailure
{
    private string $activityType = '';
    private string $activityId = '';
    private string $identity = '';
    private RetryState $retryState = RetryState::Unspecified;
    private int $scheduledEventId = 0;
    private int $startedEventId = 0;

    public static function create(
        string $message,
        string $activityType,
        string $activityId,
        RetryState $retryState = RetryState::Unspecified,
        string $identity = '',
        int $scheduledEventId = 0,
        int $startedEventId = 0,
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->activityType = $activityType;
        $failure->activityId = $activityId;
        $failure->retryState = $retryState;
        $failure->identity = $identity;
        $failure->scheduledEventId = $scheduledEventId;
        $failure->startedEventId = $startedEventId;
        return $failure;
    }

    public function getActivityType(): string
    {
        return $this->activityType;
    }

    public function getActivityId(): string
    {
        return $this->activityId;
    }

    /** The identity of the worker that ran the last attempt. */
    public function getIdentity(): string
    {
        return $this->identity;
    }

    public function getRetryState(): RetryState
    {
        return $this->retryState;
    }

    public function getScheduledEventId(): int
    {
        return $this->scheduledEventId;
    }

    public function getStartedEventId(): int
    {
        return $this->startedEventId;
    }
}
