<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * The values start, start+step, ... up to end (inclusive) of one calendar field; new ScheduleRange(5) is 5 alone.
 */
final class ScheduleRange
{
    /**
     * @param ?int $end the last value (inclusive); null: $start alone
     * @throws \ValueError $end is before $start, or $step is not positive
     */
    public function __construct(private int $start, private ?int $end = null, private int $step = 1)
    {
        if ($end !== null && $end < $start) {
            throw new \ValueError("ScheduleRange: the end $end is before the start $start");
        }
        if ($step < 1) {
            throw new \ValueError('ScheduleRange: the step must be positive');
        }
    }

    public function getStart(): int
    {
        return $this->start;
    }

    /** The last value (inclusive); the start when the range is a single value. */
    public function getEnd(): int
    {
        return $this->end ?? $this->start;
    }

    public function getStep(): int
    {
        return $this->step;
    }
}
