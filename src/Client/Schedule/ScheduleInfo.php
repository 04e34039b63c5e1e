<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\ScheduleInfo as ScheduleInfoMessage;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Internal\ProtoTime;

/** What a schedule has done and will do, as the server counts it (ScheduleHandle::describe()). */
final class ScheduleInfo
{
    /** @internal made by ScheduleHandle::describe() */
    public function __construct(private ScheduleInfoMessage $info)
    {
    }

    /** Actions taken, triggers and backfills included. */
    public function getActionCount(): int
    {
        return (int) $this->info->getActionCount();
    }

    /** Actions skipped because they were due longer ago than the catch-up window. */
    public function getMissedCatchupWindowCount(): int
    {
        return (int) $this->info->getMissedCatchupWindow();
    }

    /** Actions skipped by the overlap policy. */
    public function getOverlapSkippedCount(): int
    {
        return (int) $this->info->getOverlapSkipped();
    }

    /** @return list<WorkflowExecution> the workflows started by the schedule that are still running */
    public function getRunningWorkflows(): array
    {
        $running = [];
        foreach ($this->info->getRunningWorkflows() as $execution) {
            $running[] = new WorkflowExecution($execution->getWorkflowId(), $execution->getRunId());
        }
        return $running;
    }

    /** @return list<ScheduleActionResult> the latest actions, oldest first (the server keeps a few) */
    public function getRecentActions(): array
    {
        return self::actionResults($this->info->getRecentActions());
    }

    /** @return list<\DateTimeImmutable> when the next actions are due (the server computes a few) */
    public function getNextActionTimes(): array
    {
        return self::times($this->info->getFutureActionTimes());
    }

    public function getCreatedAt(): ?\DateTimeImmutable
    {
        return ProtoTime::toDateTime($this->info->getCreateTime());
    }

    /** null: never updated. */
    public function getUpdatedAt(): ?\DateTimeImmutable
    {
        return ProtoTime::toDateTime($this->info->getUpdateTime());
    }

    /**
     * @internal also for the entries of listSchedules()
     * @param iterable<\TrueAsync\Temporal\Api\Schedule\V1\ScheduleActionResult> $results
     * @return list<ScheduleActionResult>
     */
    public static function actionResults(iterable $results): array
    {
        $actions = [];
        foreach ($results as $result) {
            $started = $result->getStartWorkflowResult();
            $actions[] = new ScheduleActionResult(
                ProtoTime::toDateTime($result->getScheduleTime()),
                ProtoTime::toDateTime($result->getActualTime()),
                new WorkflowExecution($started?->getWorkflowId() ?? '', $started?->getRunId() ?: null),
            );
        }
        return $actions;
    }

    /**
     * @internal also for the entries of listSchedules()
     * @param iterable<\Google\Protobuf\Timestamp> $timestamps
     * @return list<\DateTimeImmutable>
     */
    public static function times(iterable $timestamps): array
    {
        $times = [];
        foreach ($timestamps as $timestamp) {
            $time = ProtoTime::toDateTime($timestamp);
            if ($time !== null) {
                $times[] = $time;
            }
        }
        return $times;
    }
}
