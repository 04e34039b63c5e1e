<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;

/**
 * Where an activity's heartbeats go: to the core in the worker process, to the parent from a pool child.
 * Sending also gives a pending cancellation the chance to arrive, which is how an activity that never
 * waits on anything else learns of it.
 *
 * @internal
 */
interface HeartbeatSender
{
    public function send(ActivityHeartbeat $heartbeat): void;
}
