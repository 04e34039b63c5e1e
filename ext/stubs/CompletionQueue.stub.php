<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * The process-wide queue that every operation's completion arrives on. All methods are static.
 *
 * @strict-properties
 * @not-serializable
 */
final class CompletionQueue
{
    private function __construct() {}

    /**
     * Waits up to $timeoutMs for completions, delivers each one into its PendingOperation and returns the
     * operations that completed since the previous call, including ones delivered inside
     * PendingOperation::wait(), so a scheduler never misses a wake-up. Returns at once if any are ready.
     * Only operations still referenced somewhere are returned.
     *
     * @return list<PendingOperation>
     * @throws \ValueError if $timeoutMs is negative or above 2147483647
     */
    public static function wait(int $timeoutMs): array {}

    /**
     * A file descriptor (an eventfd of this process's queue, made on the first call, the same number on every
     * later call) that polls readable once a completion has arrived that wait() has not returned yet. wait(),
     * with any timeout, clears it before it collects completions; the next completion arms it again. So a loop
     * can watch the queue together with other streams instead of blocking in wait():
     *
     *     $queue = fopen('php://fd/' . CompletionQueue::readinessFd(), 'r');  // PHP dup()s the descriptor
     *     stream_select($read = [$queue, ...$sockets], $write, $except, $seconds);
     *     CompletionQueue::wait(0);
     *
     * It may poll readable with nothing left to collect (a completion wait() already took); wait(0) then
     * returns []. The descriptor is close-on-exec and closed at the end of the request; a forked child
     * closes its copy of the parent's and gets its own. Do not read it yourself.
     *
     * @throws TemporalException if the descriptor cannot be created
     */
    public static function readinessFd(): int {}

    /** Accepted operations whose completion has not arrived yet, abandoned ones included. */
    public static function pendingCount(): int {}
}
