<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * What a schedule does when an action is due while the workflow of an earlier action is still running
 * (temporal.api.enums.v1.ScheduleOverlapPolicy). Unspecified leaves the server's default, Skip.
 */
enum ScheduleOverlapPolicy: int
{
    case Unspecified = 0;
    /** Do not start the new workflow. */
    case Skip = 1;
    /** Start the new workflow once the running one closes; at most one waits, later ones are dropped. */
    case BufferOne = 2;
    /** Start every due workflow, one after another as each running one closes. */
    case BufferAll = 3;
    /** Cancel the running workflow, then start the new one once it closed. */
    case CancelOther = 4;
    /** Terminate the running workflow and start the new one. */
    case TerminateOther = 5;
    /** Start the new workflow alongside the running ones. */
    case AllowAll = 6;
}
