<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\IntervalSpec;
use TrueAsync\Temporal\Api\Schedule\V1\Range;
use TrueAsync\Temporal\Api\Schedule\V1\ScheduleSpec as ScheduleSpecMessage;
use TrueAsync\Temporal\Api\Schedule\V1\StructuredCalendarSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleCalendarSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleRange;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * ScheduleSpec to and from temporal.api.schedule.v1.ScheduleSpec. Calendars travel as structured calendars
 * (the string form is deprecated); cron strings go as they are and come back as calendars.
 *
 * @internal
 */
final class ScheduleSpecMapper
{
    /** The calendar fields, in the order of ScheduleCalendarSpec's getters and the message's setters. */
    private const FIELDS = ['Second', 'Minute', 'Hour', 'DayOfMonth', 'Month', 'Year', 'DayOfWeek'];

    public static function toMessage(ScheduleSpec $spec): ScheduleSpecMessage
    {
        $message = new ScheduleSpecMessage([
            'interval' => array_map(self::intervalMessage(...), $spec->getIntervals()),
            'structured_calendar' => array_map(self::calendarMessage(...), $spec->getCalendars()),
            'cron_string' => $spec->getCronExpressions(),
            'exclude_structured_calendar' => array_map(self::calendarMessage(...), $spec->getExcludedCalendars()),
            'timezone_name' => $spec->getTimeZone(),
        ]);
        if ($spec->getStartAt() !== null) {
            $message->setStartTime(ProtoTime::toTimestamp($spec->getStartAt()));
        }
        if ($spec->getEndAt() !== null) {
            $message->setEndTime(ProtoTime::toTimestamp($spec->getEndAt()));
        }
        if ($spec->getJitter() > 0) {
            $message->setJitter(ProtoTime::toDuration($spec->getJitter()));
        }
        return $message;
    }

    public static function fromMessage(?ScheduleSpecMessage $message): ScheduleSpec
    {
        $spec = ScheduleSpec::new();
        if ($message === null) {
            return $spec;
        }
        $intervals = [];
        foreach ($message->getInterval() as $interval) {
            $intervals[] = new ScheduleIntervalSpec(
                ProtoTime::durationSeconds($interval->getInterval()),
                ProtoTime::durationSeconds($interval->getPhase()),
            );
        }
        return $spec
            ->withIntervals(...$intervals)
            ->withCalendars(...self::calendars($message->getStructuredCalendar()))
            ->withCronExpressions(...iterator_to_array($message->getCronString(), false))
            ->withExcludedCalendars(...self::calendars($message->getExcludeStructuredCalendar()))
            ->withStartAt(ProtoTime::toDateTime($message->getStartTime()))
            ->withEndAt(ProtoTime::toDateTime($message->getEndTime()))
            ->withJitter(ProtoTime::durationSeconds($message->getJitter()))
            ->withTimeZone($message->getTimezoneName());
    }

    private static function intervalMessage(ScheduleIntervalSpec $interval): IntervalSpec
    {
        $message = new IntervalSpec(['interval' => ProtoTime::toDuration($interval->getEvery())]);
        if ($interval->getOffset() > 0) {
            $message->setPhase(ProtoTime::toDuration($interval->getOffset()));
        }
        return $message;
    }

    private static function calendarMessage(ScheduleCalendarSpec $calendar): StructuredCalendarSpec
    {
        $message = new StructuredCalendarSpec(['comment' => $calendar->getComment()]);
        foreach (self::FIELDS as $field) {
            $ranges = array_map(
                fn (ScheduleRange $range): Range => new Range([
                    'start' => $range->getStart(),
                    'end' => $range->getEnd(),
                    'step' => $range->getStep(),
                ]),
                $calendar->{"get$field"}(),
            );
            $message->{"set$field"}($ranges);
        }
        return $message;
    }

    /**
     * @param iterable<StructuredCalendarSpec> $messages
     * @return list<ScheduleCalendarSpec>
     */
    private static function calendars(iterable $messages): array
    {
        $calendars = [];
        foreach ($messages as $message) {
            $calendar = ScheduleCalendarSpec::new()->withComment($message->getComment());
            foreach (self::FIELDS as $field) {
                $ranges = [];
                foreach ($message->{"get$field"}() as $range) {
                    // The server leaves end 0 for a single value and step 0 for 1.
                    $end = max($range->getStart(), $range->getEnd());
                    $ranges[] = new ScheduleRange($range->getStart(), $end, max(1, $range->getStep()));
                }
                if ($ranges !== [] || $field === 'Year') {
                    $calendar = $calendar->{"with$field"}(...$ranges);
                }
            }
            $calendars[] = $calendar;
        }
        return $calendars;
    }
}
