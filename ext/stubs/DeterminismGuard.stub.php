<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * Runs workflow code under two guards. (1) Non-deterministic and blocking calls (the clock, randomness,
 * sleep, sockets, URLs; see NonDeterministicCallException) throw instead of running. (2) The deadlock
 * watchdog: code that runs longer than the budget without returning is stopped where it is, past any
 * catch block, and run() throws DeadlockException. Outside run() every call works normally.
 *
 * @strict-properties
 * @not-serializable
 */
final class DeterminismGuard
{
    private function __construct() {}

    /**
     * Calls $code (typically resuming a workflow Fiber) under the guard and returns what it returned.
     * If the budget ran out, the code was stopped (a Fiber it ran in is terminated; finally blocks run at
     * most once) and DeadlockException is thrown instead, whatever $code returned or threw.
     *
     * @throws DeadlockException the code ran longer than the budget without returning
     * @throws \Error if called from inside run()
     */
    public static function run(callable $code): mixed {}

    /** Whether the last run() ended in a deadlock (until the next run()). */
    public static function isDeadlocked(): bool {}

    /**
     * Sets the deadlock budget of later run() calls in milliseconds; 0 turns the watchdog off. Default 2000.
     *
     * @throws \ValueError if $budgetMs is negative or above 2147483647
     */
    public static function setDeadlockBudgetMs(int $budgetMs): void {}

    public static function getDeadlockBudgetMs(): int {}
}
