<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Core\Worker as CoreWorker;

/**
 * Heartbeats of an activity running in a Fiber of the worker: recorded with the core (which throttles what
 * it sends), then the Fiber yields so the poll loop can deliver a cancellation.
 *
 * @internal
 */
final class CoreHeartbeatSender implements HeartbeatSender
{
    public function __construct(private readonly CoreWorker $core, private readonly FiberScheduler $scheduler)
    {
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        $this->core->recordActivityHeartbeat($heartbeat->serializeToString());
        $this->scheduler->yield();
    }
}
