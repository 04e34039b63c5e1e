<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;

/**
 * What links a running activity to its worker, per executor: heartbeats go out (to the core in the worker
 * process, to the worker from a pool process), and a cancellation or the worker's shutdown notice comes in.
 * Sending a heartbeat also gives a pending cancellation the chance to arrive, which is how an activity that
 * never waits on anything else learns of it.
 *
 * @internal
 */
interface ActivityChannel
{
    public function send(ActivityHeartbeat $heartbeat): void;

    /**
     * Suspends (or blocks) the activity until the worker starts shutting down (which marks $context), the
     * activity is cancelled, or $seconds pass (INF: no limit). Returns at once when either happened already.
     */
    public function awaitWorkerShutdown(ActivityContext $context, float $seconds): void;
}
