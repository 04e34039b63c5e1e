<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * The times whose calendar fields all fall in the given ranges (in the schedule's time zone). A field left
 * alone keeps its default: second, minute and hour 0 (midnight), every day of the month, month and day of
 * the week, every year. Immutable: every with*() returns a copy.
 *
 * E.g. 9:30 on weekdays: ScheduleCalendarSpec::new()->withHour(new ScheduleRange(9))
 *     ->withMinute(new ScheduleRange(30))->withDayOfWeek(new ScheduleRange(1, 5)).
 */
final class ScheduleCalendarSpec
{
    /** @var list<ScheduleRange> 0-59 */
    private array $second;
    /** @var list<ScheduleRange> 0-59 */
    private array $minute;
    /** @var list<ScheduleRange> 0-23 */
    private array $hour;
    /** @var list<ScheduleRange> 1-31 */
    private array $dayOfMonth;
    /** @var list<ScheduleRange> 1-12 */
    private array $month;
    /** @var list<ScheduleRange> empty: every year */
    private array $year = [];
    /** @var list<ScheduleRange> 0-6, Sunday is 0 */
    private array $dayOfWeek;
    private string $comment = '';

    private function __construct()
    {
        $this->second = $this->minute = $this->hour = [new ScheduleRange(0)];
        $this->dayOfMonth = [new ScheduleRange(1, 31)];
        $this->month = [new ScheduleRange(1, 12)];
        $this->dayOfWeek = [new ScheduleRange(0, 6)];
    }

    public static function new(): self
    {
        return new self();
    }

    public function withSecond(ScheduleRange ...$ranges): self
    {
        return $this->with('second', $ranges);
    }

    public function withMinute(ScheduleRange ...$ranges): self
    {
        return $this->with('minute', $ranges);
    }

    public function withHour(ScheduleRange ...$ranges): self
    {
        return $this->with('hour', $ranges);
    }

    public function withDayOfMonth(ScheduleRange ...$ranges): self
    {
        return $this->with('dayOfMonth', $ranges);
    }

    public function withMonth(ScheduleRange ...$ranges): self
    {
        return $this->with('month', $ranges);
    }

    /** No ranges: every year. */
    public function withYear(ScheduleRange ...$ranges): self
    {
        return $this->with('year', $ranges);
    }

    /** Sunday is 0. */
    public function withDayOfWeek(ScheduleRange ...$ranges): self
    {
        return $this->with('dayOfWeek', $ranges);
    }

    /** Free text kept with the spec, for people reading it. */
    public function withComment(string $comment): self
    {
        $copy = clone $this;
        $copy->comment = $comment;
        return $copy;
    }

    /** @return list<ScheduleRange> */
    public function getSecond(): array
    {
        return $this->second;
    }

    /** @return list<ScheduleRange> */
    public function getMinute(): array
    {
        return $this->minute;
    }

    /** @return list<ScheduleRange> */
    public function getHour(): array
    {
        return $this->hour;
    }

    /** @return list<ScheduleRange> */
    public function getDayOfMonth(): array
    {
        return $this->dayOfMonth;
    }

    /** @return list<ScheduleRange> */
    public function getMonth(): array
    {
        return $this->month;
    }

    /** @return list<ScheduleRange> empty: every year */
    public function getYear(): array
    {
        return $this->year;
    }

    /** @return list<ScheduleRange> */
    public function getDayOfWeek(): array
    {
        return $this->dayOfWeek;
    }

    public function getComment(): string
    {
        return $this->comment;
    }

    /**
     * @param list<ScheduleRange> $ranges
     * @throws \ValueError no range for a field other than the year (it would match nothing)
     */
    private function with(string $field, array $ranges): self
    {
        if ($ranges === [] && $field !== 'year') {
            throw new \ValueError("ScheduleCalendarSpec: $field needs at least one range");
        }
        $copy = clone $this;
        $copy->$field = array_values($ranges);
        return $copy;
    }
}
