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

    /** Accepted operations whose completion has not arrived yet, abandoned ones included. */
    public static function pendingCount(): int {}
}
