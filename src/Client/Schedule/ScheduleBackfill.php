<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * Take the actions the spec would have taken from $startAt to $endAt, now, as if the schedule had run then
 * (also when it is paused). Both ends count: a time of the spec equal to $startAt or $endAt is taken.
 */
final class ScheduleBackfill
{
    private \DateTimeImmutable $startAt;
    private \DateTimeImmutable $endAt;

    /**
     * @param ScheduleOverlapPolicy $overlap for these actions; Unspecified: the schedule's
     * @throws \ValueError $endAt is before $startAt
     */
    public function __construct(
        \DateTimeInterface $startAt,
        \DateTimeInterface $endAt,
        private ScheduleOverlapPolicy $overlap = ScheduleOverlapPolicy::Unspecified,
    ) {
        if ($endAt < $startAt) {
            throw new \ValueError('ScheduleBackfill: the end is before the start');
        }
        $this->startAt = \DateTimeImmutable::createFromInterface($startAt);
        $this->endAt = \DateTimeImmutable::createFromInterface($endAt);
    }

    public function getStartAt(): \DateTimeImmutable
    {
        return $this->startAt;
    }

    public function getEndAt(): \DateTimeImmutable
    {
        return $this->endAt;
    }

    public function getOverlap(): ScheduleOverlapPolicy
    {
        return $this->overlap;
    }
}
