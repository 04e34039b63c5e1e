<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client\Schedule;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Client\Schedule\ScheduleCalendarSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\SchedulePolicies;
use TrueAsync\Temporal\Client\Schedule\ScheduleRange;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;

final class ScheduleValueObjectsTest extends TestCase
{
    public function testWithersReturnCopiesAndLeaveTheOriginal(): void
    {
        $spec = ScheduleSpec::new();
        $withJitter = $spec->withJitter(new \DateInterval('PT30S'));

        $this->assertSame(0.0, $spec->getJitter());
        $this->assertSame(30.0, $withJitter->getJitter());
        $this->assertNotSame($spec, $withJitter);
    }

    public function testTheSpecKeepsEveryPart(): void
    {
        $start = new \DateTimeImmutable('2030-01-01T00:00:00Z');
        $spec = ScheduleSpec::new()
            ->withIntervals(new ScheduleIntervalSpec(3600, 300))
            ->withCalendars(ScheduleCalendarSpec::new()->withHour(new ScheduleRange(9)))
            ->withCronExpressions('0 12 * * *')
            ->withExcludedCalendars(ScheduleCalendarSpec::new()->withMonth(new ScheduleRange(12)))
            ->withStartAt($start)
            ->withEndAt(new \DateTime('2031-01-01T00:00:00Z'))
            ->withTimeZone('Europe/Paris');

        $this->assertSame(3600.0, $spec->getIntervals()[0]->getEvery());
        $this->assertSame(300.0, $spec->getIntervals()[0]->getOffset());
        $this->assertSame(9, $spec->getCalendars()[0]->getHour()[0]->getStart());
        $this->assertSame(['0 12 * * *'], $spec->getCronExpressions());
        $this->assertSame(12, $spec->getExcludedCalendars()[0]->getMonth()[0]->getEnd());
        $this->assertEquals($start, $spec->getStartAt());
        $this->assertInstanceOf(\DateTimeImmutable::class, $spec->getEndAt());
        $this->assertSame('Europe/Paris', $spec->getTimeZone());
    }

    public function testACalendarDefaultsToMidnightOfEveryDay(): void
    {
        $calendar = ScheduleCalendarSpec::new();

        $this->assertSame([0, 0, 1], self::range($calendar->getSecond()[0]));
        $this->assertSame([0, 0, 1], self::range($calendar->getHour()[0]));
        $this->assertSame([1, 31, 1], self::range($calendar->getDayOfMonth()[0]));
        $this->assertSame([1, 12, 1], self::range($calendar->getMonth()[0]));
        $this->assertSame([0, 6, 1], self::range($calendar->getDayOfWeek()[0]));
        $this->assertSame([], $calendar->getYear());
    }

    public function testACalendarFieldOtherThanTheYearNeedsARange(): void
    {
        $this->expectException(\ValueError::class);
        ScheduleCalendarSpec::new()->withHour();
    }

    public function testARangeIsOneValueUnlessGivenAnEndAndItsStepIsPositive(): void
    {
        $this->assertSame([5, 5, 1], self::range(new ScheduleRange(5)));
        $this->assertSame([0, 59, 15], self::range(new ScheduleRange(0, 59, 15)));
        $this->expectException(\ValueError::class);
        new ScheduleRange(0, 10, 0);
    }

    public function testARangeEndingBeforeItsStartIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        new ScheduleRange(10, 5);
    }

    public function testAnIntervalMustBePositive(): void
    {
        $this->assertSame(60.0, (new ScheduleIntervalSpec(new \DateInterval('PT1M')))->getEvery());
        $this->expectException(\ValueError::class);
        new ScheduleIntervalSpec(0);
    }

    public function testTheActionNeedsAWorkflowIdAndATaskQueue(): void
    {
        $action = ScheduleAction::startWorkflow('Echo', ['a' => 1, 'b' => 2], self::options());

        $this->assertSame('Echo', $action->getWorkflowType());
        $this->assertSame([1, 2], $action->getArgs());
        $this->assertSame([3], $action->withArgs([3])->getArgs());
        $this->expectException(\ValueError::class);
        ScheduleAction::startWorkflow('Echo', [], WorkflowOptions::new()->withTaskQueue('q'));
    }

    public function testPoliciesAndStateDefaultToTheServersBehaviour(): void
    {
        $schedule = Schedule::new(ScheduleAction::startWorkflow('Echo', [], self::options()), ScheduleSpec::new());

        $this->assertSame(ScheduleOverlapPolicy::Unspecified, $schedule->getPolicies()->getOverlap());
        $this->assertSame(0.0, $schedule->getPolicies()->getCatchupWindow());
        $this->assertFalse($schedule->getPolicies()->isPauseOnFailure());
        $this->assertFalse($schedule->getState()->isPaused());
        $this->assertFalse($schedule->getState()->hasLimitedActions());
    }

    public function testPoliciesAndStateKeepWhatTheyAreGiven(): void
    {
        $policies = SchedulePolicies::new()
            ->withOverlap(ScheduleOverlapPolicy::BufferAll)
            ->withCatchupWindow(new \DateInterval('PT10M'))
            ->withPauseOnFailure();
        $state = ScheduleState::new()->withPaused(true, 'maintenance')->withRemainingActions(3);

        $this->assertSame(ScheduleOverlapPolicy::BufferAll, $policies->getOverlap());
        $this->assertSame(600.0, $policies->getCatchupWindow());
        $this->assertTrue($policies->isPauseOnFailure());
        $this->assertTrue($state->isPaused());
        $this->assertSame('maintenance', $state->getNote());
        $this->assertSame(3, $state->getRemainingActions());
        $this->assertFalse($state->withRemainingActions(null)->hasLimitedActions());
    }

    public function testABackfillEndingBeforeItStartsIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        new ScheduleBackfill(new \DateTimeImmutable('2030-01-02'), new \DateTimeImmutable('2030-01-01'));
    }

    private static function options(): WorkflowOptions
    {
        return WorkflowOptions::new()->withWorkflowId('wf')->withTaskQueue('q');
    }

    /** @return array{int, int, int} */
    private static function range(ScheduleRange $range): array
    {
        return [$range->getStart(), $range->getEnd(), $range->getStep()];
    }
}
