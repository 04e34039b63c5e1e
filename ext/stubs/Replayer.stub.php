<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * Replays recorded workflow histories: a core worker that takes its workflow tasks from pushed histories
 * instead of a server. Drive getWorker() like any worker (poll activations, complete them); the core reports
 * non-determinism as an eviction. To stop: close(), keep the workflow poll going until it returns null, then
 * finalizeShutdown() on the worker. Freeing a Replayer closes it.
 *
 * @strict-properties
 * @not-serializable
 */
final class Replayer
{
    /**
     * Creates the replayer; $optionsJson is the worker options document of docs/DESIGN.md (workflows only).
     *
     * @throws \ValueError the bridge rejected $optionsJson (its message says why)
     * @throws TemporalException the bridge failed
     * @throws \Error if the Replayer is already constructed
     */
    public function __construct(string $optionsJson) {}

    /** The replay worker (always the same object); it has no Connection. */
    public function getWorker(): Worker {}

    /**
     * Starts handing $historyBytes (an encoded temporal.api.history.v1.History) to the replayer as the
     * history of $workflowId; getResult() of the operation is null once the replayer took it.
     *
     * @throws \ValueError the bridge rejected the call (the bytes are not a History, or the replayer is closed)
     * @throws TemporalException the bridge failed, or the replayer was made before fork()
     */
    public function startPushHistory(string $workflowId, string $historyBytes): PendingOperation {}

    /**
     * startPushHistory() and wait for it. Only one history is taken at a time: poll the worker (from another
     * Fiber) while pushing more than one.
     *
     * @throws \ValueError the bridge rejected the call (the bytes are not a History, or the replayer is closed)
     * @throws TemporalException the replayer stopped taking histories, or the bridge failed
     */
    public function pushHistory(string $workflowId, string $historyBytes): void {}

    /** No more histories: once the last one is replayed, the worker's polls return null. Idempotent. */
    public function close(): void {}
}
