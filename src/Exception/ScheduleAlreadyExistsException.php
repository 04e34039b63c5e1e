<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/** ScheduleClient::create(): a schedule with this id already exists in the namespace (gRPC ALREADY_EXISTS). */
final class ScheduleAlreadyExistsException extends ScheduleException
{
    public static function forSchedule(string $scheduleId, Core\ServiceException $status): self
    {
        return self::about($scheduleId, 'already exists', $status);
    }
}
