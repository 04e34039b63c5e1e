<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client\Schedule;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Schedule\V1\Schedule as ScheduleMessage;
use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleCalendarSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\SchedulePolicies;
use TrueAsync\Temporal\Client\Schedule\ScheduleRange;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\Schedule\ScheduleMapper;
use TrueAsync\Temporal\RetryPolicy;

/** A schedule survives the trip through its protobuf form (and its wire bytes) unchanged. */
final class ScheduleMapperTest extends TestCase
{
    public function testEveryPartSurvivesTheRoundTrip(): void
    {
        $converter = DataConverter::default();
        $options = WorkflowOptions::new()
            ->withWorkflowId('wf')
            ->withTaskQueue('q')
            ->withWorkflowRunTimeout(60)
            ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(2))
            ->withMemo(['owner' => 'ops'])
            ->withStaticSummary('nightly');
        $calendar = ScheduleCalendarSpec::new()
            ->withHour(new ScheduleRange(9, 17, 2))
            ->withDayOfWeek(new ScheduleRange(1, 5))
            ->withYear(new ScheduleRange(2030))
            ->withComment('office hours');
        $schedule = Schedule::new(
            ScheduleAction::startWorkflow('Echo', ['x', 2], $options),
            ScheduleSpec::new()
                ->withIntervals(new ScheduleIntervalSpec(90.5, 3))
                ->withCalendars($calendar)
                ->withExcludedCalendars(ScheduleCalendarSpec::new()->withMonth(new ScheduleRange(12)))
                ->withStartAt(new \DateTimeImmutable('2030-01-01T00:00:00.250Z'))
                ->withJitter(5)
                ->withTimeZone('Europe/Paris'),
        )
            ->withPolicies(SchedulePolicies::new()->withOverlap(ScheduleOverlapPolicy::AllowAll)
                ->withCatchupWindow(120)->withPauseOnFailure())
            ->withState(ScheduleState::new()->withPaused(true, 'why')->withRemainingActions(4));

        $wire = new ScheduleMessage();
        $wire->mergeFromString(ScheduleMapper::toMessage($schedule, $converter)->serializeToString());
        $back = ScheduleMapper::fromMessage($wire, $converter);

        $this->assertSame('Echo', $back->getAction()->getWorkflowType());
        $this->assertSame(['x', 2], $back->getAction()->getArgs());
        $backOptions = $back->getAction()->getOptions();
        $this->assertSame('wf', $backOptions->getWorkflowId());
        $this->assertSame('q', $backOptions->getTaskQueue());
        $this->assertSame(60.0, $backOptions->getWorkflowRunTimeout());
        $this->assertSame(2, $backOptions->getRetryPolicy()?->getMaximumAttempts());
        $this->assertSame(['owner' => 'ops'], $backOptions->getMemo());
        $this->assertSame('nightly', $backOptions->getStaticSummary());
        $spec = $back->getSpec();
        $this->assertSame(90.5, $spec->getIntervals()[0]->getEvery());
        $this->assertSame(3.0, $spec->getIntervals()[0]->getOffset());
        $hours = $spec->getCalendars()[0]->getHour()[0];
        $this->assertSame([9, 17, 2], [$hours->getStart(), $hours->getEnd(), $hours->getStep()]);
        $this->assertSame(2030, $spec->getCalendars()[0]->getYear()[0]->getStart());
        $this->assertSame('office hours', $spec->getCalendars()[0]->getComment());
        $this->assertSame(12, $spec->getExcludedCalendars()[0]->getMonth()[0]->getStart());
        $this->assertSame('2030-01-01T00:00:00.250', $spec->getStartAt()?->format('Y-m-d\TH:i:s.v'));
        $this->assertNull($spec->getEndAt());
        $this->assertSame(5.0, $spec->getJitter());
        $this->assertSame('Europe/Paris', $spec->getTimeZone());
        $this->assertSame(ScheduleOverlapPolicy::AllowAll, $back->getPolicies()->getOverlap());
        $this->assertSame(120.0, $back->getPolicies()->getCatchupWindow());
        $this->assertTrue($back->getPolicies()->isPauseOnFailure());
        $this->assertTrue($back->getState()->isPaused());
        $this->assertSame('why', $back->getState()->getNote());
        $this->assertSame(4, $back->getState()->getRemainingActions());
    }

    public function testASingleValueRangeLeavesTheEndAndStepToTheServer(): void
    {
        $options = WorkflowOptions::new()->withWorkflowId('w')->withTaskQueue('q');
        $message = ScheduleMapper::toMessage(
            Schedule::new(
                ScheduleAction::startWorkflow('Echo', [], $options),
                ScheduleSpec::new()->withCalendars(ScheduleCalendarSpec::new()),
            ),
            DataConverter::default(),
        );
        $message->getSpec()->getStructuredCalendar()[0]->getHour()[0]->setEnd(0);
        $message->getSpec()->getStructuredCalendar()[0]->getHour()[0]->setStep(0);

        $spec = ScheduleMapper::fromMessage($message, DataConverter::default())->getSpec();
        $hour = $spec->getCalendars()[0]->getHour()[0];

        $this->assertSame([0, 0, 1], [$hour->getStart(), $hour->getEnd(), $hour->getStep()]);
    }
}
