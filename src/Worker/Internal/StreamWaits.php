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
    private int $nextId = 0;
    /** @var resource|null */
    private $queueReadiness = null;

    public function isEmpty(): bool
    {
        return $this->waits === [];
    }

    /** @param resource $stream */
    public function awaitReadable($stream, ?float $timeoutSeconds): bool
    {
        $deadline = $timeoutSeconds === null ? INF : self::now() + max(0.0, $timeoutSeconds);
        return $this->park($stream, $deadline);
    }

    public function sleep(float $seconds): void
    {
        $this->park(null, self::now() + max(0.0, $seconds));
    }

    /**
     * Waits up to $timeoutMs (less when a deadline comes first) for a watched stream or the completion queue.
     *
     * @return list<array{\Fiber, bool}> the Fibers to resume, each with whether its stream is readable (false:
     *     its deadline passed)
     */
    public function select(int $timeoutMs): array
    {
        $read = [$this->queueReadiness()];
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
        return $this->due($read);
    }

    /** @param resource|null $stream */
    private function park($stream, float $deadline): bool
    {
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('a stream wait must run in a scheduler Fiber');
        $id = $this->nextId++;
        $this->waits[$id] = [$fiber, $stream, $deadline];
        try {
            return (bool) \Fiber::suspend();
        } finally {
            unset($this->waits[$id]);
        }
    }

    /**
     * @param list<resource> $readable
     * @return list<array{\Fiber, bool}>
     */
    private function due(array $readable): array
    {
        $now = self::now();
        $due = [];
        foreach ($this->waits as $id => [$fiber, $stream, $deadline]) {
            $isReadable = $stream !== null && \in_array($stream, $readable, true);
            if ($isReadable || $deadline <= $now) {
                unset($this->waits[$id]);
                $due[] = [$fiber, $isReadable];
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

    /** @return resource */
    private function queueReadiness()
    {
        return $this->queueReadiness ??= fopen('php://fd/' . CompletionQueue::readinessFd(), 'r');
    }

    private static function now(): float
    {
        return hrtime(true) / 1e9;
    }
}
