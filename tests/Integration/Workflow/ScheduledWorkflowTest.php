<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\Schedule\ScheduledBy;
use TrueAsync\Temporal\Client\WorkflowOptions;

/** A PHP workflow started by a schedule reads the schedule's id and the scheduled time (Workflow::getScheduledBy()). */
final class ScheduledWorkflowTest extends WorkflowWorkerTestCase
{
    public function testAScheduledWorkflowKnowsItsScheduleAndTime(): void
    {
        $options = WorkflowOptions::new()->withWorkflowId(self::uniqueId('scheduled'))->withTaskQueue(self::$queue);
        $schedule = Schedule::new(
            ScheduleAction::startWorkflow('PhpScheduledBy', [], $options),
            ScheduleSpec::new()->withIntervals(new ScheduleIntervalSpec(60)),
        )->withState(ScheduleState::new()->withPaused(true));
        $handle = self::client()->schedules()->create(self::uniqueId('schedule'), $schedule);
        try {
            $minute = new \DateTimeImmutable('2024-01-01T10:00:00Z');
            $handle->backfill(new ScheduleBackfill($minute, $minute));
            $description = self::eventuallyAccepted(
                fn (): ScheduleDescription => $handle->describe(),
                fn (ScheduleDescription $d): bool => $d->getInfo()->getRecentActions() !== [],
            );
            $workflow = $description->getInfo()->getRecentActions()[0]->getWorkflow();
            $run = self::client()->getHandle($workflow->getWorkflowId(), $workflow->getRunId());

            $this->assertSame([$handle->getId(), '2024-01-01T10:00:00+00:00'], $run->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
            $query = sprintf("%s = '%s'", ScheduledBy::scheduleIdKey()->getName(), $handle->getId());
            $listed = self::eventuallyAccepted(
                fn (): array => iterator_to_array(self::client()->listWorkflows($query), false),
                fn (array $found): bool => \count($found) === 1,
            );
            $this->assertSame($workflow->getWorkflowId(), $listed[0]->getExecution()->getWorkflowId());
        } finally {
            $handle->delete();
        }
    }

    public function testAWorkflowStartedDirectlyHasNoSchedule(): void
    {
        $this->assertNull($this->start('PhpScheduledBy', [])->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }
}
