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
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\ScheduleAlreadyExistsException;
use TrueAsync\Temporal\Exception\ScheduleNotFoundException;
use TrueAsync\Temporal\RetryPolicy;

/** ScheduleClient::create(), ScheduleHandle::describe() and delete(), and their typed errors. */
final class ScheduleLifecycleTest extends ScheduleTestCase
{
    public function testDescribeReturnsTheScheduleAsCreated(): void
    {
        $options = WorkflowOptions::new()
            ->withWorkflowId(self::uniqueId('scheduled'))
            ->withTaskQueue(self::taskQueue())
            ->withWorkflowRunTimeout(60)
            ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(3))
            ->withMemo(['purpose' => 'test']);
        $weekdayMornings = ScheduleCalendarSpec::new()
            ->withHour(new ScheduleRange(9))
            ->withMinute(new ScheduleRange(0, 45, 15))
            ->withDayOfWeek(new ScheduleRange(1, 5))
            ->withComment('weekday mornings');
        $schedule = Schedule::new(
            ScheduleAction::startWorkflow('EchoWorkflow', ['hello', 42], $options),
            ScheduleSpec::new()
                ->withIntervals(new ScheduleIntervalSpec(3600, 60))
                ->withCalendars($weekdayMornings)
                ->withExcludedCalendars(ScheduleCalendarSpec::new()->withMonth(new ScheduleRange(12)))
                ->withStartAt(new \DateTimeImmutable('2030-01-01T00:00:00Z'))
                ->withEndAt(new \DateTimeImmutable('2031-01-01T00:00:00Z'))
                ->withJitter(2)
                ->withTimeZone('Europe/Paris'),
        )
            ->withPolicies(SchedulePolicies::new()
                ->withOverlap(ScheduleOverlapPolicy::BufferOne)
                ->withCatchupWindow(600)
                ->withPauseOnFailure())
            ->withState(ScheduleState::new()->withPaused(true, 'not yet')->withRemainingActions(5));

        $handle = $this->create($schedule, ScheduleOptions::new()->withMemo(['team' => 'ops']));
        $description = $handle->describe();

        $this->assertSame($handle->getId(), $description->getId());
        $this->assertSame(['team' => 'ops'], $description->getMemo());
        $back = $description->getSchedule();
        $action = $back->getAction();
        $this->assertSame('EchoWorkflow', $action->getWorkflowType());
        $this->assertSame(['hello', 42], $action->getArgs());
        $this->assertSame($options->getWorkflowId(), $action->getOptions()->getWorkflowId());
        $this->assertSame(self::taskQueue(), $action->getOptions()->getTaskQueue());
        $this->assertSame(60.0, $action->getOptions()->getWorkflowRunTimeout());
        $this->assertSame(3, $action->getOptions()->getRetryPolicy()?->getMaximumAttempts());
        $this->assertSame(['purpose' => 'test'], $action->getOptions()->getMemo());
        $spec = $back->getSpec();
        $this->assertSame(3600.0, $spec->getIntervals()[0]->getEvery());
        $this->assertSame(60.0, $spec->getIntervals()[0]->getOffset());
        $minutes = $spec->getCalendars()[0]->getMinute()[0];
        $this->assertSame([0, 45, 15], [$minutes->getStart(), $minutes->getEnd(), $minutes->getStep()]);
        $this->assertSame('weekday mornings', $spec->getCalendars()[0]->getComment());
        $this->assertSame(12, $spec->getExcludedCalendars()[0]->getMonth()[0]->getStart());
        $this->assertSame('2030-01-01', $spec->getStartAt()?->format('Y-m-d'));
        $this->assertSame('2031-01-01', $spec->getEndAt()?->format('Y-m-d'));
        $this->assertSame(2.0, $spec->getJitter());
        $this->assertSame('Europe/Paris', $spec->getTimeZone());
        $this->assertSame(ScheduleOverlapPolicy::BufferOne, $back->getPolicies()->getOverlap());
        $this->assertSame(600.0, $back->getPolicies()->getCatchupWindow());
        $this->assertTrue($back->getPolicies()->isPauseOnFailure());
        $this->assertTrue($back->getState()->isPaused());
        $this->assertSame('not yet', $back->getState()->getNote());
        $this->assertSame(5, $back->getState()->getRemainingActions());
        $this->assertSame(0, $description->getInfo()->getActionCount());
        $this->assertNotNull($description->getInfo()->getCreatedAt());
    }

    public function testACronExpressionComesBackAsACalendarAndNextActionTimesFollowIt(): void
    {
        $schedule = self::pausedEchoSchedule()->withSpec(ScheduleSpec::new()->withCronExpressions('30 9 * * *'));

        $description = $this->create($schedule)->describe();

        $calendars = $description->getSchedule()->getSpec()->getCalendars();
        $this->assertCount(1, $calendars);
        $this->assertSame(9, $calendars[0]->getHour()[0]->getStart());
        $this->assertSame(30, $calendars[0]->getMinute()[0]->getStart());
        $next = $description->getInfo()->getNextActionTimes();
        $this->assertNotEmpty($next);
        $this->assertSame('09:30:00', $next[0]->format('H:i:s'));
    }

    public function testCreatingAnExistingIdThrowsAlreadyExistsWithTheId(): void
    {
        $handle = $this->create(self::pausedEchoSchedule());

        try {
            self::schedules()->create($handle->getId(), self::pausedEchoSchedule());
            $this->fail('created a second schedule with the same id');
        } catch (ScheduleAlreadyExistsException $e) {
            $this->assertSame($handle->getId(), $e->getScheduleId());
        }
    }

    public function testADeletedScheduleIsNotFound(): void
    {
        $handle = $this->create(self::pausedEchoSchedule());

        $handle->delete();

        $this->assertNotFound(fn () => $handle->describe(), $handle->getId());
        $this->assertNotFound(fn () => $handle->delete(), $handle->getId());
        $this->assertNotFound(fn () => $handle->pause(), $handle->getId());
    }

    public function testAnInvalidSpecIsRejected(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->create(self::pausedEchoSchedule()->withSpec(ScheduleSpec::new()->withCronExpressions('not a cron')));
    }

    private function assertNotFound(\Closure $call, string $scheduleId): void
    {
        try {
            $call();
            $this->fail('the call found a deleted schedule');
        } catch (ScheduleNotFoundException $e) {
            $this->assertSame($scheduleId, $e->getScheduleId());
        }
    }
}
