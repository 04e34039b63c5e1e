<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

/** Why an activity is being cancelled; values are the core's ActivityCancelReason numbers. */
enum ActivityCancelReason: int
{
    case NOT_FOUND = 0;
    case CANCELLED = 1;
    case TIMED_OUT = 2;
    case WORKER_SHUTDOWN = 3;
    case PAUSED = 4;
    case RESET = 5;
}
