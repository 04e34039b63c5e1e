<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** Which timeout fired (temporal.api.enums.v1.TimeoutType). */
enum TimeoutType: int
{
    case Unspecified = 0;
    case StartToClose = 1;
    case ScheduleToStart = 2;
    case ScheduleToClose = 3;
    case Heartbeat = 4;
}
