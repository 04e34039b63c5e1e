<?php

// TRUEASYNC ONLY: see TrueAsyncActivityRunner.php.

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\TrueAsync;

use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\Worker\Internal\HeartbeatSender;

/**
 * Heartbeats of an activity in a coroutine: recorded with the core, then the coroutine lets the others run,
 * which is where a cancellation reaches one that never does I/O.
 *
 * @internal
 */
final class CoroutineHeartbeatSender implements HeartbeatSender
{
    public function __construct(private readonly CoreWorker $core)
    {
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        $this->core->recordActivityHeartbeat($heartbeat->serializeToString());
        \Async\suspend();
    }
}
