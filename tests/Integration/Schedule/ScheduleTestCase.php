<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Schedule;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleClient;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOptions;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\ScheduleNotFoundException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Schedule tests: every schedule a test creates is deleted after it, and no test waits for the spec's clock:
 * actions come from trigger() and backfill(), and their effects are polled through describe().
 */
abstract class ScheduleTestCase extends ServerTestCase
{
    private const SCHEDULER_DEADLINE_S = 120.0;

    /** @var list<ScheduleHandle> */
    private array $created = [];

    protected function tearDown(): void
    {
        foreach ($this->created as $handle) {
            try {
                $handle->delete();
            } catch (ScheduleNotFoundException) {
                // the test deleted it
            }
        }
        $this->created = [];
    }

    protected static function schedules(): ScheduleClient
    {
        return self::client()->schedules();
    }

    /**
     * A paused schedule (its clock never acts during a test) starting EchoWorkflow with $args every hour.
     */
    protected static function pausedEchoSchedule(array $args = []): Schedule
    {
        $options = WorkflowOptions::new()
            ->withWorkflowId(self::uniqueId('scheduled'))
            ->withTaskQueue(self::taskQueue());
        return Schedule::new(
            ScheduleAction::startWorkflow('EchoWorkflow', $args, $options),
            ScheduleSpec::new()->withIntervals(new ScheduleIntervalSpec(3600)),
        )->withState(ScheduleState::new()->withPaused(true, 'created paused by a test'));
    }

    /**
     * Creates the schedule under a fresh id and deletes it after the test.
     *
     * @param ?ScheduleClient $schedules the client to create it with; null: the shared one
     */
    protected function create(
        Schedule $schedule,
        ?ScheduleOptions $options = null,
        ?ScheduleClient $schedules = null,
    ): ScheduleHandle {
        $handle = ($schedules ?? self::schedules())->create(self::uniqueId('schedule'), $schedule, $options);
        $this->created[] = $handle;
        return $handle;
    }

    /**
     * The description once $accept takes it (or the last one when the deadline passed, for the test to assert).
     * The dev server's own scheduler workflow takes the actions: on a loaded box it once took over 60 s to take a
     * backfill's, hence a deadline twice the others'.
     */
    protected static function describeUntil(ScheduleHandle $handle, \Closure $accept): ScheduleDescription
    {
        return self::eventuallyAccepted(fn (): ScheduleDescription => $handle->describe(), $accept, self::SCHEDULER_DEADLINE_S);
    }

    /** The description once the schedule has taken $count actions. */
    protected static function awaitActionCount(ScheduleHandle $handle, int $count): ScheduleDescription
    {
        $description = self::describeUntil(
            $handle,
            fn (ScheduleDescription $d): bool => $d->getInfo()->getActionCount() >= $count,
        );
        $info = $description->getInfo();
        self::assertSame($count, $info->getActionCount(), sprintf(
            'actions taken: %d, skipped for overlap: %d, missed the catch-up window: %d, running: %d',
            $info->getActionCount(),
            $info->getOverlapSkippedCount(),
            $info->getMissedCatchupWindowCount(),
            count($info->getRunningWorkflows()),
        ));
        return $description;
    }
}
