<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Core\CompletionQueue;

/**
 * The scheduler's waits on streams and on time (a pool's child sockets, its kill timers): Fibers park here,
 * and select() waits for any of their streams, their earliest deadline, or the completion queue — whose
 * readiness fd is selected with the streams — whichever comes first. Nothing polls.
 *
 * @internal
 */
final class StreamWaits
{
    /** @var array<int, array{\Fiber, resource|null, float}> wait id => the Fiber, its stream (null: a sleep), its deadline (INF: none) */
    private array $waits = [];
    /** @var array<int, true> the waits that do not keep the scheduler running (timers guarding something else) */
    private array $background = [];
    private int $nextId = 0;

    public function isEmpty(): bool
    {
        return $this->waits === [];
    }

    /** Whether a wait that keeps the scheduler running is parked here. */
    public function keepsRunning(): bool
    {
        return \count($this->waits) > \count($this->background);
    }

    /** @param resource $stream */
    public function awaitReadable($stream): void
    {
        $this->park($stream, INF);
    }

    /** @param bool $background the scheduler may finish while it sleeps (the Fiber is then never resumed) */
    public function sleep(float $seconds, bool $background = false): void
    {
        $this->park(null, self::now() + max(0.0, $seconds), $background);
    }

    /** Takes $fiber's sleep off the waits (it is woken otherwise); false when it is not sleeping here. */
    public function forgetSleep(\Fiber $fiber): bool
    {
        foreach ($this->waits as $id => [$waiting, $stream]) {
            if ($waiting === $fiber && $stream === null) {
                unset($this->waits[$id], $this->background[$id]);
                return true;
            }
        }
        return false;
    }

    /**
     * Waits up to $timeoutMs (less when a deadline comes first) for a watched stream or the completion queue.
     *
     * @return list<\Fiber> the Fibers to resume: their stream is readable or their deadline passed
     */
    public function select(int $timeoutMs): array
    {
        // PHP's dup of the queue's eventfd lacks close-on-exec: open it only for the select, so no process the
        // worker starts meanwhile (a pool's) inherits it.
        $queue = fopen('php://fd/' . CompletionQueue::readinessFd(), 'r');
        $read = [$queue];
        foreach ($this->waits as [, $stream]) {
            if ($stream !== null) {
                $read[] = $stream;
            }
        }
        $microseconds = (int) min($timeoutMs * 1000, max(0.0, $this->earliestDeadline() - self::now()) * 1e6);
        $write = $except = null;
        // An interrupting signal (SIGTERM starting a shutdown) returns false here: the loop comes back.
        if (@stream_select($read, $write, $except, intdiv($microseconds, 1_000_000), $microseconds % 1_000_000) === false) {
            $read = [];
        }
        fclose($queue);
        return $this->due($read);
    }

    /** @param resource|null $stream */
    private function park($stream, float $deadline, bool $background = false): void
    {
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('a stream wait must run in a scheduler Fiber');
        $id = $this->nextId++;
        $this->waits[$id] = [$fiber, $stream, $deadline];
        if ($background) {
            $this->background[$id] = true;
        }
        try {
            \Fiber::suspend();
        } finally {
            unset($this->waits[$id], $this->background[$id]);
        }
    }

    /**
     * @param list<resource> $readable
     * @return list<\Fiber>
     */
    private function due(array $readable): array
    {
        $now = self::now();
        $due = [];
        foreach ($this->waits as $id => [$fiber, $stream, $deadline]) {
            $isReadable = $stream !== null && \in_array($stream, $readable, true);
            if ($isReadable || $deadline <= $now) {
                unset($this->waits[$id], $this->background[$id]);
                $due[] = $fiber;
            }
        }
        return $due;
    }

    private function earliestDeadline(): float
    {
        $earliest = INF;
        foreach ($this->waits as [, , $deadline]) {
            $earliest = min($earliest, $deadline);
        }
        return $earliest;
    }

    private static function now(): float
    {
        return hrtime(true) / 1e9;
    }
}
