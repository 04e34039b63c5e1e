<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\ActivityTask\ActivityTask;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;

/**
 * The activity half of a worker: polls activity tasks and hands each to its executor — local activities to
 * Fibers of this process, the others to the worker's activity executor. Every task gets exactly one
 * completion (ActivityTaskHost), cancelled ones included. The core bounds how many run at once.
 *
 * @internal
 */
final class ActivityTaskRunner
{
    public function __construct(
        private readonly ActivityTaskHost $host,
        private readonly RunningActivityExecutor $executor,
        private readonly RunningActivityExecutor $localExecutor,
    ) {
    }

    /**
     * Polls until the core reports shutdown. Run it in a Fiber of its own.
     *
     * @throws TemporalException the poll failed for good (the worker is then shut down)
     */
    public function pollUntilShutdown(): void
    {
        $core = $this->host->core;
        while (($bytes = $this->host->scheduler->await($core->startPollActivityTask())) !== null) {
            $task = new ActivityTask();
            $task->mergeFromString($bytes);
            $task->hasStart() ? $this->start($task) : $this->cancel($task);
        }
    }

    public function runningCount(): int
    {
        return $this->host->runningCount();
    }

    /** The worker started its graceful shutdown: every running attempt is told, in every executor. */
    public function notifyWorkerShutdown(): void
    {
        $this->executor->notifyWorkerShutdown();
        if ($this->localExecutor !== $this->executor) {
            $this->localExecutor->notifyWorkerShutdown();
        }
    }

    /** Every task is completed: the executors release their resources (a pool stops its processes). */
    public function close(): void
    {
        $this->executor->close();
        if ($this->localExecutor !== $this->executor) {
            $this->localExecutor->close();
        }
    }

    private function start(ActivityTask $task): void
    {
        $token = $task->getTaskToken();
        $start = $task->getStart();
        $executor = $start->getIsLocal() ? $this->localExecutor : $this->executor;
        $this->host->begin($token, $executor);
        $this->host->startAutoHeartbeat($token, $start);
        $executor->execute($token, $start);
    }

    private function cancel(ActivityTask $task): void
    {
        $token = $task->getTaskToken();
        $reason = ActivityCancelReason::tryFrom($task->getCancel()->getReason()) ?? ActivityCancelReason::CANCELLED;
        $this->host->executorOf($token)?->cancel($token, $reason);
    }
}
