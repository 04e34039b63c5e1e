<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * An accepted operation whose single completion is delivered by CompletionQueue::wait() or wait().
 * Dropping the last reference abandons the operation: its completion is dropped when it arrives.
 *
 * @strict-properties
 * @not-serializable
 */
final class PendingOperation
{
    /** Made by Connection::start*() only. */
    private function __construct() {}

    public function getId(): int {}

    public function isDone(): bool {}

    /**
     * Drives the completion queue until this operation is done or $timeoutMs pass (null: no limit).
     * Operations completed on the way are reported by the next CompletionQueue::wait().
     *
     * @return bool whether the operation is done
     * @throws \ValueError if $timeoutMs is negative or above 2147483647
     */
    public function wait(?int $timeoutMs = null): bool {}

    /**
     * @return Connection|string|null the connection (connect) or the encoded response message (RPC)
     * @throws ServiceException the server answered with a gRPC error status
     * @throws ConnectionException the connect operation failed
     * @throws CancelledException the operation was cancelled
     * @throws TemporalException the bridge failed
     * @throws \Error if the operation is not done yet
     */
    public function getResult(): mixed {}
}
