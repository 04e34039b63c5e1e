<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Schedule;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleActionResult;
use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOptions;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;

/** ScheduleHandle's trigger(), pause(), unpause(), backfill() and update(), against the server's counts. */
final class ScheduleOperationsTest extends ScheduleTestCase
{
    public function testTriggerStartsTheWorkflowAndDescribeReportsTheAction(): void
    {
        $schedule = self::pausedEchoSchedule(['ping', 1]);
        $handle = $this->create($schedule);

        $handle->trigger();

        $info = self::awaitActionCount($handle, 1)->getInfo();
        $action = $info->getRecentActions()[0];
        $scheduledId = $schedule->getAction()->getOptions()->getWorkflowId();
        $this->assertStringStartsWith("$scheduledId-", $action->getWorkflow()->getWorkflowId());
        $this->assertNotNull($action->getWorkflow()->getRunId());
        $this->assertNotNull($action->getScheduledAt());
        $this->assertNotNull($action->getStartedAt());
        $this->assertSame(['ping', 1], self::resultOf($action));
        $workflow = $action->getWorkflow();
        $scheduledBy = self::client()->getHandle($workflow->getWorkflowId(), $workflow->getRunId())
            ->describe()->getScheduledBy();
        $this->assertSame($handle->getId(), $scheduledBy?->getScheduleId());
        $toSecond = 'Y-m-d\TH:i:s'; // the attribute keeps whole seconds
        $scheduledAt = $action->getScheduledAt()?->format($toSecond);
        $this->assertSame($scheduledAt, $scheduledBy->getScheduledTime()?->format($toSecond));
        $this->assertSame(0, $info->getOverlapSkippedCount());
        $this->assertSame(0, $info->getMissedCatchupWindowCount());
    }

    public function testDescribeListsTheRunningWorkflowsOfTheSchedule(): void
    {
        $schedule = self::pausedEchoSchedule();
        $action = $schedule->getAction();
        $handle = $this->create($schedule->withAction(
            ScheduleAction::startWorkflow('SignalQueryWorkflow', [], $action->getOptions()),
        ));
        $handle->trigger();

        $running = self::describeUntil(
            $handle,
            fn (ScheduleDescription $d): bool => $d->getInfo()->getRunningWorkflows() !== [],
        )->getInfo()->getRunningWorkflows();
        $this->assertCount(1, $running);
        $workflow = self::client()->getHandle($running[0]->getWorkflowId(), $running[0]->getRunId());
        $workflow->signal('finish');
        $workflow->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $done = self::describeUntil(
            $handle,
            fn (ScheduleDescription $d): bool => $d->getInfo()->getRunningWorkflows() === [],
        );
        $this->assertSame([], $done->getInfo()->getRunningWorkflows());
    }

    public function testCreateCanTriggerAtOnce(): void
    {
        $handle = $this->create(self::pausedEchoSchedule(['now']), ScheduleOptions::new()->withTriggerImmediately());

        $action = self::awaitActionCount($handle, 1)->getInfo()->getRecentActions()[0];
        $this->assertSame(['now'], self::resultOf($action));
    }

    public function testPauseAndUnpauseLeaveTheGivenOrTheDefaultNote(): void
    {
        $handle = $this->create(self::pausedEchoSchedule());

        $handle->unpause();
        $this->assertState($handle, false, 'Unpaused via PHP SDK');
        $handle->pause();
        $this->assertState($handle, true, 'Paused via PHP SDK');
        $handle->unpause('back to work');
        $this->assertState($handle, false, 'back to work');
        $handle->pause('maintenance');
        $this->assertState($handle, true, 'maintenance');
    }

    /**
     * Two ranges of a schedule acting every minute: the server takes the times from the start to the end of
     * each range, both included (00:00 to 00:03 is 4 actions, 01:00 to 01:02 is 3).
     */
    public function testBackfillTakesTheActionsOfItsRangesEndsIncluded(): void
    {
        $handle = $this->create(self::everyMinute());
        $day = new \DateTimeImmutable('2024-01-01T00:00:00Z');

        $handle->backfill(
            new ScheduleBackfill($day, $day->modify('+3 minutes'), ScheduleOverlapPolicy::AllowAll),
            new ScheduleBackfill(
                $day->modify('+1 hour'),
                $day->modify('+62 minutes'),
                ScheduleOverlapPolicy::AllowAll,
            ),
        );

        $info = self::awaitActionCount($handle, 7)->getInfo();
        $scheduled = array_map(
            fn (ScheduleActionResult $a): string => $a->getScheduledAt()?->format('H:i') ?? '',
            $info->getRecentActions(),
        );
        $this->assertSame(['00:00', '00:01', '00:02', '00:03', '01:00', '01:01', '01:02'], $scheduled);
    }

    public function testCreateRunsItsInitialBackfills(): void
    {
        $schedule = self::everyMinute();
        $day = new \DateTimeImmutable('2024-01-01T00:00:00Z');
        $backfill = new ScheduleBackfill($day, $day->modify('+1 minute'), ScheduleOverlapPolicy::AllowAll);

        $handle = $this->create($schedule, ScheduleOptions::new()->withBackfills($backfill));

        self::awaitActionCount($handle, 2);
    }

    /** Runs come from backfills of distinct minutes: two triggers in one second would start one workflow. */
    public function testUpdateChangesTheArgumentsTheNextRunGets(): void
    {
        $handle = $this->create(self::everyMinute()->withAction(self::pausedEchoSchedule(['before'])->getAction()));
        $minute = new \DateTimeImmutable('2024-01-01T00:00:00Z');
        $handle->backfill(new ScheduleBackfill($minute, $minute));
        $first = self::awaitActionCount($handle, 1)->getInfo()->getRecentActions()[0];

        $updated = $handle->update(fn (ScheduleDescription $d): Schedule => $d->getSchedule()->withAction(
            $d->getSchedule()->getAction()->withArgs(['after']),
        ));
        // The server applies an update and a backfill in the order it processes them, not the order sent.
        $applied = self::describeUntil(
            $handle,
            fn (ScheduleDescription $d): bool => $d->getSchedule()->getAction()->getArgs() === ['after'],
        );
        $next = $minute->modify('+1 minute');
        $handle->backfill(new ScheduleBackfill($next, $next, ScheduleOverlapPolicy::AllowAll));

        $this->assertTrue($updated);
        $this->assertSame(['after'], $applied->getSchedule()->getAction()->getArgs());
        $description = self::awaitActionCount($handle, 2);
        $this->assertNotNull($description->getInfo()->getUpdatedAt());
        $this->assertSame(['before'], self::resultOf($first));
        $this->assertSame(['after'], self::resultOf($description->getInfo()->getRecentActions()[1]));
    }

    public function testAnUpdaterReturningNullLeavesTheSchedule(): void
    {
        $handle = $this->create(self::pausedEchoSchedule(['same']));
        $seen = null;

        $updated = $handle->update(function (ScheduleDescription $d) use (&$seen): ?Schedule {
            $seen = $d;
            return null;
        });

        $this->assertFalse($updated);
        $this->assertInstanceOf(ScheduleDescription::class, $seen);
        $this->assertNull($handle->describe()->getInfo()->getUpdatedAt());
    }

    /** Polls: a patch may reach describe() a moment after the call that sent it returned. */
    private function assertState(ScheduleHandle $handle, bool $paused, string $note): void
    {
        $stateOf = fn (ScheduleDescription $d): array => [
            $d->getSchedule()->getState()->isPaused(),
            $d->getSchedule()->getState()->getNote(),
        ];
        $description = self::describeUntil(
            $handle,
            fn (ScheduleDescription $d): bool => $stateOf($d) === [$paused, $note],
        );
        $this->assertSame([$paused, $note], $stateOf($description));
    }

    private static function everyMinute(): Schedule
    {
        return self::pausedEchoSchedule()->withSpec(ScheduleSpec::new()->withIntervals(new ScheduleIntervalSpec(60)));
    }

    /** @return mixed the result of the workflow the action started */
    private static function resultOf(ScheduleActionResult $action): mixed
    {
        $workflow = $action->getWorkflow();
        return self::client()->getHandle($workflow->getWorkflowId(), $workflow->getRunId())
            ->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
    }
}
