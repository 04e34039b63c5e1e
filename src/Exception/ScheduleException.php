<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/** A schedule call failed for a reason tied to the schedule it named; getScheduleId() is that schedule. */
abstract class ScheduleException extends ServiceException
{
    private string $scheduleId = '';

    public function getScheduleId(): string
    {
        return $this->scheduleId;
    }

    /** @param string $what how the schedule failed the call, after its id ("not found") */
    protected static function about(string $scheduleId, string $what, Core\ServiceException $status): static
    {
        $exception = new static("Schedule \"$scheduleId\" $what: {$status->getGrpcMessage()}", $status);
        $exception->scheduleId = $scheduleId;
        return $exception;
    }
}
