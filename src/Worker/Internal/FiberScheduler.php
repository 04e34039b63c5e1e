<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\PendingOperation;
use TrueAsync\Temporal\Runtime\Runtime;

/**
 * Runs the worker's Fibers on one PHP thread, driven by the extension's completion queue: a Fiber that
 * awaits an operation is suspended until the queue reports that operation, then resumed in FIFO order.
 *
 * @internal
 */
final class FiberScheduler
{
    // Longest a blocked scheduler sleeps before re-checking for signals (SIGINT/SIGTERM start shutdown).
    private const WAIT_SLICE_MS = 100;

    /** @var \SplQueue<\Fiber> Fibers to run */
    private \SplQueue $ready;

    /** @var array<int, \Fiber> operation id => the Fiber waiting for it */
    private array $waiting = [];

    /** Fibers waiting for a stream to become readable, and for a time; see StreamWaits */
    private readonly StreamWaits $streams;

    /** The scheduler whose run() is on the stack: code in its Fibers suspends instead of blocking. */
    private static ?self $running = null;

    public function __construct()
    {
        $this->ready = new \SplQueue();
        $this->streams = new StreamWaits();
    }

    public function spawn(\Closure $task): void
    {
        $this->ready->enqueue(new \Fiber($task));
    }

    /**
     * Suspends the calling Fiber until $operation completes, then returns its result or throws its exception.
     * Outside a Fiber it simply blocks.
     */
    public function await(PendingOperation $operation): mixed
    {
        $fiber = \Fiber::getCurrent();
        if ($fiber === null || $operation->isDone()) {
            $operation->wait();
            return $operation->getResult();
        }
        $this->waiting[$operation->getId()] = $fiber;
        try {
            \Fiber::suspend();
        } finally {
            unset($this->waiting[$operation->getId()]);
        }
        return $operation->getResult();
    }

    /**
     * Suspends the calling Fiber until $stream is readable (data, end of file or an error). Must be called in
     * a Fiber of this scheduler.
     *
     * @param resource $stream
     */
    public function awaitReadable($stream): void
    {
        $this->streams->awaitReadable($stream);
    }

    /** Ends the sleep() of $fiber now: it resumes at the next round. A Fiber not sleeping is left alone. */
    public function wake(\Fiber $fiber): void
    {
        if ($this->streams->forgetSleep($fiber)) {
            $this->ready->enqueue($fiber);
        }
    }

    /**
     * Suspends the calling Fiber for $seconds. Must be called in a Fiber of this scheduler.
     *
     * @param bool $background run() may return while it sleeps (a timer guarding what other Fibers wait for)
     */
    public function sleep(float $seconds, bool $background = false): void
    {
        $this->streams->sleep($seconds, $background);
    }

    /** Lets every other ready Fiber, and any completed operation, run before the caller continues. */
    public function yield(): void
    {
        $fiber = \Fiber::getCurrent();
        if ($fiber === null) {
            $this->collect(0);
            return;
        }
        $this->ready->enqueue($fiber);
        \Fiber::suspend();
    }

    /**
     * The scheduler to await an operation on when the caller runs in one of its Fibers (an activity, say), so
     * only that Fiber waits; null when the caller would have to block (no scheduler, or not in a Fiber).
     */
    public static function current(): ?self
    {
        return \Fiber::getCurrent() === null ? null : self::$running;
    }

    /** Runs until no Fiber is ready or waiting. */
    public function run(): void
    {
        $outer = self::$running;
        self::$running = $this;
        try {
            $this->runUntilIdle();
        } finally {
            self::$running = $outer;
        }
    }

    private function runUntilIdle(): void
    {
        while (!$this->isIdle()) {
            $this->runReady();
            // Waiting once the last Fiber is done would only sleep: a replay would end 100 ms late.
            if (!$this->isIdle()) {
                $this->collect($this->ready->isEmpty() ? self::WAIT_SLICE_MS : 0);
            }
        }
    }

    public function isIdle(): bool
    {
        return $this->ready->isEmpty() && $this->waiting === [] && !$this->streams->keepsRunning();
    }

    private function runReady(): void
    {
        // Only the Fibers ready now: one resumed here may enqueue itself again (yield), which waits a round.
        for ($n = $this->ready->count(); $n > 0; $n--) {
            $fiber = $this->ready->dequeue();
            $fiber->isStarted() ? $fiber->resume() : $fiber->start();
        }
    }

    private function collect(int $timeoutMs): void
    {
        if (!$this->streams->isEmpty()) {
            // Waiting on streams too: select them with the queue's readiness fd, then take what the queue has.
            foreach ($this->streams->select($timeoutMs) as $fiber) {
                $this->ready->enqueue($fiber);
            }
            $timeoutMs = 0;
        }
        foreach (CompletionQueue::wait($timeoutMs) as $operation) {
            $fiber = $this->waiting[$operation->getId()] ?? null;
            if ($fiber !== null) {
                unset($this->waiting[$operation->getId()]);
                $this->ready->enqueue($fiber);
            }
        }
        // The core buffers its logs for PHP: pass them on at every wake-up, on this thread.
        Runtime::forwardLogs();
    }
}
