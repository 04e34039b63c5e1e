<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Activity;

use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Internal\ProtoTime;

/** What the server told the worker about the running activity attempt. */
final class ActivityInfo
{
    private function __construct(
        public readonly string $taskToken,
        public readonly string $activityId,
        public readonly string $activityType,
        public readonly string $taskQueue,
        public readonly int $attempt,
        public readonly string $workflowNamespace,
        public readonly string $workflowType,
        public readonly string $workflowId,
        public readonly string $workflowRunId,
        public readonly ?float $scheduleToCloseTimeout,
        public readonly ?float $startToCloseTimeout,
        public readonly ?float $heartbeatTimeout,
        public readonly ?\DateTimeImmutable $scheduledTime,
        public readonly ?\DateTimeImmutable $startedTime,
        public readonly bool $isLocal,
    ) {
    }

    /** @internal */
    public static function fromStart(string $taskToken, string $taskQueue, Start $start): self
    {
        $execution = $start->getWorkflowExecution();
        return new self(
            $taskToken,
            $start->getActivityId(),
            $start->getActivityType(),
            $taskQueue,
            $start->getAttempt(),
            $start->getWorkflowNamespace(),
            $start->getWorkflowType(),
            $execution?->getWorkflowId() ?? '',
            $execution?->getRunId() ?? '',
            self::seconds($start->getScheduleToCloseTimeout()),
            self::seconds($start->getStartToCloseTimeout()),
            self::seconds($start->getHeartbeatTimeout()),
            ProtoTime::toDateTime($start->getScheduledTime()),
            ProtoTime::toDateTime($start->getStartedTime()),
            $start->getIsLocal(),
        );
    }

    private static function seconds(?\Google\Protobuf\Duration $duration): ?float
    {
        return $duration === null ? null : ProtoTime::durationSeconds($duration);
    }
}
