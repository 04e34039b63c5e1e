<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * ScheduleHandle::update(): the caller's updater, and the header the updated schedule's workflows receive
 * (the update replaces the schedule's start action, header included: set it again to keep it).
 */
final class UpdateScheduleInput
{
    use InputCopies;

    /**
     * @internal made by ScheduleHandle
     * @param \Closure(ScheduleDescription): ?Schedule $updater
     */
    public function __construct(
        public readonly string $scheduleId,
        public readonly \Closure $updater,
        public readonly Header $header,
    ) {
    }

    /** @param callable(ScheduleDescription): ?Schedule $updater returns the new schedule, or null to leave it */
    public function withUpdater(callable $updater): self
    {
        return $this->with('updater', $updater(...));
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
