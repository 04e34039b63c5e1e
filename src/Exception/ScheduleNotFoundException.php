<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/** No schedule has this id in the namespace (gRPC NOT_FOUND), or it was deleted. */
final class ScheduleNotFoundException extends ScheduleException
{
    public static function forSchedule(string $scheduleId, Core\ServiceException $status): self
    {
        return self::about($scheduleId, 'not found', $status);
    }
}
