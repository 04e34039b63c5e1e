<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Schedule;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleCalendarSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOptions;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\SchedulePolicies;
use TrueAsync\Temporal\Client\Schedule\ScheduleRange;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;

/** The PHP and the Python SDK's schedule clients read each other's schedules (Interop/python/schedule_peer.py). */
final class PythonScheduleInteropTest extends ScheduleTestCase
{
    public function testPythonDescribesAndListsAScheduleCreatedByPhp(): void
    {
        $options = WorkflowOptions::new()
            ->withWorkflowId('php-scheduled')
            ->withTaskQueue('php-queue')
            ->withWorkflowRunTimeout(90);
        $schedule = Schedule::new(
            ScheduleAction::startWorkflow('EchoWorkflow', ['from php', ['n' => 1]], $options),
            ScheduleSpec::new()
                ->withIntervals(new ScheduleIntervalSpec(5400, 60))
                ->withCalendars(ScheduleCalendarSpec::new()
                    ->withHour(new ScheduleRange(9, 17, 4))
                    ->withDayOfWeek(new ScheduleRange(1, 5))
                    ->withComment('php calendar'))
                ->withExcludedCalendars(ScheduleCalendarSpec::new()->withMonth(new ScheduleRange(12)))
                ->withEndAt(new \DateTimeImmutable('2040-01-01T00:00:00Z'))
                ->withJitter(7)
                ->withTimeZone('Asia/Tokyo'),
        )
            ->withPolicies(SchedulePolicies::new()
                ->withOverlap(ScheduleOverlapPolicy::TerminateOther)
                ->withCatchupWindow(900)
                ->withPauseOnFailure())
            ->withState(ScheduleState::new()->withPaused(true, 'paused by php')->withRemainingActions(4));
        $handle = $this->create($schedule, ScheduleOptions::new()->withMemo(['origin' => 'php']));

        $this->assertEquals([
            'workflow' => 'EchoWorkflow',
            'args' => ['from php', ['n' => 1]],
            'workflow_id' => 'php-scheduled',
            'task_queue' => 'php-queue',
            'run_timeout_s' => 90.0,
            'interval' => [5400.0, 60.0],
            'calendar' => ['hour' => [[9, 17, 4]], 'day_of_week' => [[1, 5, 1]], 'comment' => 'php calendar'],
            'excluded_months' => [[12, 12, 1]],
            'time_zone' => 'Asia/Tokyo',
            'jitter_s' => 7.0,
            'end_at' => '2040-01-01T00:00:00+00:00',
            'overlap' => 'TERMINATE_OTHER',
            'catchup_window_s' => 900.0,
            'pause_on_failure' => true,
            'paused' => true,
            'note' => 'paused by php',
            'remaining_actions' => 4,
            'memo' => ['origin' => 'php'],
            'listed' => ['workflow' => 'EchoWorkflow', 'paused' => true, 'note' => 'paused by php'],
        ], self::peer('describe', $handle->getId()));
    }

    public function testPhpDescribesAScheduleCreatedByPython(): void
    {
        $id = self::uniqueId('py-schedule');
        $this->assertSame(['created' => $id], self::peer('create', $id, self::taskQueue()));
        $handle = self::schedules()->getHandle($id);
        try {
            $description = $handle->describe();
        } finally {
            $handle->delete();
        }

        $schedule = $description->getSchedule();
        $action = $schedule->getAction();
        $this->assertSame('EchoWorkflow', $action->getWorkflowType());
        $this->assertSame(['from python', 7], $action->getArgs());
        $this->assertSame("$id-wf", $action->getOptions()->getWorkflowId());
        $this->assertSame(self::taskQueue(), $action->getOptions()->getTaskQueue());
        $this->assertSame(300.0, $action->getOptions()->getWorkflowRunTimeout());
        $spec = $schedule->getSpec();
        $interval = $spec->getIntervals()[0];
        $this->assertSame([7200.0, 300.0], [$interval->getEvery(), $interval->getOffset()]);
        $hours = $spec->getCalendars()[0]->getHour()[0];
        $this->assertSame([8, 18, 2], [$hours->getStart(), $hours->getEnd(), $hours->getStep()]);
        $this->assertSame(5, $spec->getCalendars()[0]->getDayOfWeek()[0]->getEnd());
        $this->assertSame('python calendar', $spec->getCalendars()[0]->getComment());
        $this->assertSame(8, $spec->getExcludedCalendars()[0]->getMonth()[0]->getEnd());
        $this->assertSame('America/New_York', $spec->getTimeZone());
        $this->assertSame(3.0, $spec->getJitter());
        $this->assertSame(ScheduleOverlapPolicy::CancelOther, $schedule->getPolicies()->getOverlap());
        $this->assertSame(1200.0, $schedule->getPolicies()->getCatchupWindow());
        $this->assertTrue($schedule->getPolicies()->isPauseOnFailure());
        $this->assertTrue($schedule->getState()->isPaused());
        $this->assertSame('paused by python', $schedule->getState()->getNote());
        $this->assertSame(2, $schedule->getState()->getRemainingActions());
        $this->assertSame(['origin' => 'python'], $description->getMemo());
    }

    /** @return mixed the peer's JSON answer, decoded */
    private static function peer(string $command, string $scheduleId, string $taskQueue = ''): mixed
    {
        [$exitCode, $output, $errors] = self::runProcess([getenv('PYTHON') ?: 'python3',
            __DIR__ . '/../../Interop/python/schedule_peer.py', $command, '--id', $scheduleId,
            '--task-queue', $taskQueue]);
        self::assertSame(0, $exitCode, "schedule_peer.py $command failed:\n$output\n$errors");
        return json_decode($output, true, flags: \JSON_THROW_ON_ERROR);
    }
}
