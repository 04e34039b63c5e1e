<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * What cancelling an activity (its scope, or the workflow) waits for. Values are the core's. The defaults
 * differ: ActivityOptions uses TryCancel, as the other SDKs do; LocalActivityOptions uses
 * WaitCancellationCompleted, as the core asks of an SDK (a local activity runs in this worker, so its end
 * is near).
 */
enum ActivityCancellationType: int
{
    /** Ask the server to cancel it and end the wait at once, as cancelled; a later completion is ignored. */
    case TryCancel = 0;
    /**
     * Ask, and wait until the activity has ended: cancelled, or, when it ignores the cancellation and
     * completes, with its result. The activity sees the request at its next heartbeat.
     */
    case WaitCancellationCompleted = 1;
    /** Don't ask: end the wait at once, as cancelled, and leave the activity running. */
    case Abandon = 2;
}
