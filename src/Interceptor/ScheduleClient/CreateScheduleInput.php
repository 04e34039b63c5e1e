<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * ScheduleClient::create(): the schedule, its options, and the header every workflow the schedule starts
 * receives (its start action carries it).
 */
final class CreateScheduleInput
{
    use InputCopies;

    /** @internal made by ScheduleClient */
    public function __construct(
        public readonly string $scheduleId,
        public readonly Schedule $schedule,
        public readonly ScheduleOptions $options,
        public readonly Header $header,
    ) {
    }

    public function withSchedule(Schedule $schedule): self
    {
        return $this->with('schedule', $schedule);
    }

    public function withOptions(ScheduleOptions $options): self
    {
        return $this->with('options', $options);
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
