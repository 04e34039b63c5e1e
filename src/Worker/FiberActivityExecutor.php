<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\FiberActivityRunner;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;

/**
 * Runs each activity in a Fiber of the worker process (the default). An activity that waits through the SDK
 * (heartbeat(), a client call) lets the others run; one that blocks in plain PHP blocks the whole process
 * until it returns: use ProcessPoolActivityExecutor for such code.
 */
final class FiberActivityExecutor implements ActivityExecutor
{
    /** @internal */
    public function open(ActivityTaskHost $host): RunningActivityExecutor
    {
        return new FiberActivityRunner($host);
    }

    /** @internal */
    public function capacity(): ?int
    {
        return null;
    }

    /** @internal */
    public function registersOwnActivities(): bool
    {
        return false;
    }
}
