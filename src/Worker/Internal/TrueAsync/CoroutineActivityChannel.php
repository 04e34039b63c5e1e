<?php

// TRUEASYNC ONLY: see TrueAsyncActivityRunner.php.

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\TrueAsync;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\Worker\Internal\ActivityChannel;

/**
 * The channel of an activity in a coroutine: heartbeats are recorded with the core, then the coroutine lets
 * the others run, which is where a cancellation reaches one that never does I/O. The shutdown notice is
 * waited for in steps of a coroutine sleep (a cancellation ends it: the runner cancels the coroutine).
 *
 * @internal
 */
final class CoroutineActivityChannel implements ActivityChannel
{
    private const NOTICE_STEP_SECONDS = 0.05;

    public function __construct(private readonly CoreWorker $core)
    {
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        $this->core->recordActivityHeartbeat($heartbeat->serializeToString());
        \Async\suspend();
    }

    public function awaitWorkerShutdown(ActivityContext $context, float $seconds): void
    {
        $deadline = microtime(true) + $seconds;
        while (!$context->isWorkerShuttingDown() && !$context->isCancelRequested() && microtime(true) < $deadline) {
            \Async\delay((int) ceil(1000 * min(self::NOTICE_STEP_SECONDS, $deadline - microtime(true))));
        }
    }
}
