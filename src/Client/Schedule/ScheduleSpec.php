<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * When a schedule acts: at the union of its intervals, calendars and cron expressions, minus its excluded
 * calendars, between its start and end time, each action delayed by a random jitter, calendars read in its
 * time zone. Immutable: every with*() returns a copy.
 */
final class ScheduleSpec
{
    /** @var list<ScheduleIntervalSpec> */
    private array $intervals = [];
    /** @var list<ScheduleCalendarSpec> */
    private array $calendars = [];
    /** @var list<string> */
    private array $cronExpressions = [];
    /** @var list<ScheduleCalendarSpec> */
    private array $excludedCalendars = [];
    private ?\DateTimeImmutable $startAt = null;
    private ?\DateTimeImmutable $endAt = null;
    private float $jitter = 0.0;
    private string $timeZone = '';

    public static function new(): self
    {
        return new self();
    }

    public function withIntervals(ScheduleIntervalSpec ...$intervals): self
    {
        return $this->with('intervals', array_values($intervals));
    }

    public function withCalendars(ScheduleCalendarSpec ...$calendars): self
    {
        return $this->with('calendars', array_values($calendars));
    }

    /**
     * Cron expressions ("30 9 * * 1-5"); the server also takes a seconds field, @every and @hourly forms, and a
     * leading "CRON_TZ=Europe/Paris". The server turns them into calendars: describe() returns them as those.
     */
    public function withCronExpressions(string ...$expressions): self
    {
        return $this->with('cronExpressions', array_values($expressions));
    }

    /** Times these calendars match are skipped even when another part of the spec matches them. */
    public function withExcludedCalendars(ScheduleCalendarSpec ...$calendars): self
    {
        return $this->with('excludedCalendars', array_values($calendars));
    }

    /** No action before this time; null: no limit. */
    public function withStartAt(?\DateTimeInterface $startAt): self
    {
        return $this->with('startAt', $startAt === null ? null : \DateTimeImmutable::createFromInterface($startAt));
    }

    /** No action after this time; null: no limit. */
    public function withEndAt(?\DateTimeInterface $endAt): self
    {
        return $this->with('endAt', $endAt === null ? null : \DateTimeImmutable::createFromInterface($endAt));
    }

    /**
     * Delay each action by a random time up to this long, to spread the load of many schedules.
     *
     * @throws \ValueError $jitter is negative
     */
    public function withJitter(\DateInterval|int|float $jitter): self
    {
        return $this->with('jitter', ProtoTime::seconds($jitter, 'ScheduleSpec::withJitter()'));
    }

    /** An IANA time zone name ("Europe/Paris") the calendars are read in; '' for UTC. */
    public function withTimeZone(string $timeZone): self
    {
        return $this->with('timeZone', $timeZone);
    }

    /** @return list<ScheduleIntervalSpec> */
    public function getIntervals(): array
    {
        return $this->intervals;
    }

    /** @return list<ScheduleCalendarSpec> */
    public function getCalendars(): array
    {
        return $this->calendars;
    }

    /** @return list<string> */
    public function getCronExpressions(): array
    {
        return $this->cronExpressions;
    }

    /** @return list<ScheduleCalendarSpec> */
    public function getExcludedCalendars(): array
    {
        return $this->excludedCalendars;
    }

    public function getStartAt(): ?\DateTimeImmutable
    {
        return $this->startAt;
    }

    public function getEndAt(): ?\DateTimeImmutable
    {
        return $this->endAt;
    }

    /** In seconds; 0 for none. */
    public function getJitter(): float
    {
        return $this->jitter;
    }

    public function getTimeZone(): string
    {
        return $this->timeZone;
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }
}
