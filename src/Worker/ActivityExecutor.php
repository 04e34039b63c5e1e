<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;

/**
 * How a worker runs its activity tasks, chosen with WorkerOptions::withActivityExecutor():
 * - FiberActivityExecutor (the default): each activity in a Fiber of the worker process — for activities
 *   that only wait on SDK calls; one that blocks (PDO, curl, sleep) stops the whole process meanwhile;
 * - ProcessPoolActivityExecutor: each activity in one of a pool of PHP processes — for blocking code;
 * - TrueAsyncActivityExecutor: each activity in a coroutine of its own (TrueAsync PHP only).
 * Workflows and local activities always run on Fibers in the worker process.
 */
interface ActivityExecutor
{
    /**
     * @internal called once by each worker that uses this executor, when it starts
     */
    public function open(ActivityTaskHost $host): RunningActivityExecutor;

    /** @internal the most activity tasks it can run at once; null when only the worker's options limit it */
    public function capacity(): ?int;

    /** @internal whether its activities are registered elsewhere (a pool's bootstrap), not on the Worker */
    public function registersOwnActivities(): bool;
}
