<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * Every $every, counted from the Unix epoch and shifted by $offset: every hour at 5 past is
 * new ScheduleIntervalSpec(3600, 300). Intervals and offsets are a \DateInterval or a number of seconds.
 */
final class ScheduleIntervalSpec
{
    private float $every;
    private float $offset;

    /** @throws \ValueError $every is not positive, or $offset is negative */
    public function __construct(\DateInterval|int|float $every, \DateInterval|int|float $offset = 0)
    {
        $this->every = ProtoTime::seconds($every, 'ScheduleIntervalSpec: $every');
        $this->offset = ProtoTime::seconds($offset, 'ScheduleIntervalSpec: $offset');
        if ($this->every <= 0) {
            throw new \ValueError('ScheduleIntervalSpec: the interval must be positive');
        }
    }

    /** In seconds. */
    public function getEvery(): float
    {
        return $this->every;
    }

    /** In seconds. */
    public function getOffset(): float
    {
        return $this->offset;
    }
}
