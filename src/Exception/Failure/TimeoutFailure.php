<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** A timeout fired: for a workflow, its run or execution timeout (StartToClose). */
final class TimeoutFailure extends TemporalFailure
{
    private TimeoutType $timeoutType = TimeoutType::Unspecified;
    /** @var list<mixed> */
    private array $lastHeartbeatDetails = [];

    /** @param list<mixed> $lastHeartbeatDetails an activity's last heartbeat details */
    public static function create(
        string $message,
        TimeoutType $timeoutType,
        array $lastHeartbeatDetails = [],
        ?\Throwable $previous = null,
        string $originalStackTrace = '',
    ): self {
        $failure = new self($message, $previous, $originalStackTrace);
        $failure->timeoutType = $timeoutType;
        $failure->lastHeartbeatDetails = array_values($lastHeartbeatDetails);
        return $failure;
    }

    public function getTimeoutType(): TimeoutType
    {
        return $this->timeoutType;
    }

    /** @return list<mixed> */
    public function getLastHeartbeatDetails(): array
    {
        return $this->lastHeartbeatDetails;
    }
}
