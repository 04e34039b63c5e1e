<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * A core worker polling one task queue of one namespace on a Connection, which it keeps alive. At most one
 * poll of each kind may be outstanding. To stop: initiateShutdown(), keep both polls going (completing what
 * they return) until each returns null, then finalizeShutdown(). Freeing a Worker with polls in flight is
 * safe: their completions are dropped. Replayer::getWorker() returns a Worker of this class made without a
 * Connection: it polls the replayer's histories instead of a server.
 *
 * @strict-properties
 * @not-serializable
 */
final class Worker
{
    /**
     * Creates the worker; nothing is sent to the server until the first poll or validate().
     * $optionsJson is the worker options document of docs/DESIGN.md.
     *
     * @throws \ValueError the bridge rejected $optionsJson (its message says why)
     * @throws TemporalException the bridge failed, or $connection was made before fork()
     * @throws \Error if the Worker is already constructed
     */
    public function __construct(Connection $connection, string $optionsJson) {}

    /**
     * Asks the server whether the namespace exists and the worker may run, and waits for the answer.
     *
     * @throws ServiceException the server answered with a gRPC error status
     * @throws TemporalException the validation failed otherwise, or the bridge failed
     * @throws \ValueError the bridge rejected the call (the worker is finalized)
     */
    public function validate(): void {}

    /**
     * Starts validate(); getResult() of the returned operation is null.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (the worker is finalized)
     */
    public function startValidate(): PendingOperation {}

    /**
     * Starts polling for the next workflow activation; getResult() of the returned operation is the encoded
     * coresdk.workflow_activation.WorkflowActivation, or null once the worker has shut down.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (a workflow poll is outstanding, or the worker is
     *     finalized)
     */
    public function startPollWorkflowActivation(): PendingOperation {}

    /**
     * Starts completing an activation; $completion is an encoded
     * coresdk.workflow_completion.WorkflowActivationCompletion. getResult() of the operation is null.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call ($completion does not decode, or the worker is finalized)
     */
    public function startCompleteWorkflowActivation(string $completion): PendingOperation {}

    /**
     * Starts polling for the next activity task; getResult() of the returned operation is the encoded
     * coresdk.activity_task.ActivityTask, or null once the worker has shut down.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (an activity poll is outstanding, or the worker is
     *     finalized)
     */
    public function startPollActivityTask(): PendingOperation {}

    /**
     * Starts completing an activity task; $completion is an encoded coresdk.ActivityTaskCompletion.
     * getResult() of the returned operation is null.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call ($completion does not decode, or the worker is finalized)
     */
    public function startCompleteActivityTask(string $completion): PendingOperation {}

    /**
     * Records a heartbeat of a running activity; $heartbeat is an encoded coresdk.ActivityHeartbeat. The core
     * throttles and sends it in the background; a cancellation comes back as an activity task.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call ($heartbeat does not decode, or the worker is finalized)
     */
    public function recordActivityHeartbeat(string $heartbeat): void {}

    /**
     * Heartbeats a running activity task from a timer of the bridge, so a heartbeat timeout still detects a
     * dead process while PHP code blocks the thread. $heartbeat is an encoded coresdk.ActivityHeartbeat: the
     * task's token and the details to repeat until the activity calls recordActivityHeartbeat() for it (pass
     * the previous attempt's details so they are not overwritten with none); from then on the timer repeats
     * the last one recorded. Every $intervalMs the core records that heartbeat (and throttles it as any other).
     * The timer stops when the task is completed (startCompleteActivityTask()), after $stopAfterMs (pass the
     * activity's remaining start-to-close timeout: an activity still running then is hung and must time out),
     * and when the worker is finalized or freed. At most one timer per task.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError $intervalMs is not between 1 and 4294967295, $stopAfterMs is not positive, or the
     *     bridge rejected the call ($heartbeat does not decode or has no task token, the task already has a
     *     timer, or the worker is finalized)
     */
    public function startAutoHeartbeat(string $heartbeat, int $intervalMs, int $stopAfterMs): void {}

    /**
     * Asks the core to evict the run from its cache; an eviction job for it follows in a workflow activation.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (the worker is finalized)
     */
    public function requestWorkflowEviction(string $runId): void {}

    /**
     * Begins shutting down: polls go on returning work until each returns null. Does not wait.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (the worker is finalized)
     */
    public function initiateShutdown(): void {}

    /**
     * Finishes the shutdown and waits for it. Call it only once every poll the worker has (workflow
     * activations unless disabled, activity tasks unless disabled) has returned null after
     * initiateShutdown(): the core waits for that, and no poll is accepted once finalizing has begun.
     * Every later call on this Worker is rejected.
     *
     * @throws TemporalException the shutdown failed, or the bridge failed
     * @throws \ValueError the bridge rejected the call (the worker is finalized already)
     */
    public function finalizeShutdown(): void {}

    /**
     * Starts finalizeShutdown() (same precondition); getResult() of the returned operation is null.
     *
     * @throws TemporalException the bridge failed, or the worker was made before fork()
     * @throws \ValueError the bridge rejected the call (the worker is finalized already)
     */
    public function startFinalizeShutdown(): PendingOperation {}
}
