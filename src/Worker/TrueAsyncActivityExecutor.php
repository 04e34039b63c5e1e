<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;
use TrueAsync\Temporal\Worker\Internal\TrueAsync\TrueAsyncActivityRunner;

/**
 * TRUEASYNC ONLY. Runs each activity in a TrueAsync coroutine of its own: its I/O (PDO, curl, streams)
 * suspends only that coroutine, so activities interleave in one process. A cancellation cancels the
 * coroutine (the activity sees it at its current I/O) and is reported as the activity's cancellation.
 *
 * Needs the TrueAsync PHP build (true-async/php-src with ext-async); on stock PHP it cannot be made.
 * Untested on this project's machines, where that build cannot be installed (docs/DESIGN.md).
 */
final class TrueAsyncActivityExecutor implements ActivityExecutor
{
    /** @throws \LogicException this PHP is not the TrueAsync build */
    public function __construct()
    {
        if (!self::isSupported()) {
            throw new \LogicException('TrueAsyncActivityExecutor needs the TrueAsync PHP build (Async\spawn() is '
                . 'missing): use FiberActivityExecutor or ProcessPoolActivityExecutor on this PHP');
        }
    }

    /** Whether this PHP can run it: the TrueAsync build with its async extension loaded. */
    public static function isSupported(): bool
    {
        return \function_exists('Async\spawn') && \function_exists('Async\current_coroutine');
    }

    /** @internal */
    public function open(ActivityTaskHost $host): RunningActivityExecutor
    {
        return new TrueAsyncActivityRunner($host);
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
