<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Exception\ActivityCancelReason;

/**
 * One worker's running activity executor: it runs the tasks it is given and reports each one's result
 * through ActivityTaskHost::complete() exactly once.
 *
 * @internal
 */
interface RunningActivityExecutor
{
    /** Starts the attempt; returns at once (the attempt runs in a Fiber, a child process or a coroutine). */
    public function execute(string $token, Start $start): void;

    /** The server or the worker wants the attempt stopped; it still reports its result. */
    public function cancel(string $token, ActivityCancelReason $reason): void;

    /** The worker started its graceful shutdown: tell every running attempt (ActivityContext::notifyWorkerShutdown()). */
    public function notifyWorkerShutdown(): void;

    /** Every task is completed and the worker shuts down: release what the executor holds. */
    public function close(): void;
}
