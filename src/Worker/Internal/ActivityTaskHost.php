<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Api\Coresdk\ActivityTaskCompletion;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\Worker\WorkerOptions;

/**
 * What a worker gives its activity executor: the core worker, the scheduler, the invocation of registered
 * activities, and the one way to report an attempt's result. It keeps the exactly-one-completion rule: a
 * result for a task that is not running (a second one, or one after the worker gave up) is dropped.
 *
 * @internal
 */
final class ActivityTaskHost
{
    /** @var array<string, RunningActivityExecutor> task token => the executor running it, until completed */
    private array $inFlight = [];

    /** @param \Closure(\Throwable): void $failWorker */
    public function __construct(
        public readonly CoreWorker $core,
        public readonly FiberScheduler $scheduler,
        public readonly ActivityInvocation $invocation,
        public readonly string $taskQueue,
        public readonly WorkerOptions $options,
        private readonly \Closure $failWorker,
    ) {
    }

    /** The runner hands the task to an executor. */
    public function begin(string $token, RunningActivityExecutor $executor): void
    {
        $this->inFlight[$token] = $executor;
    }

    /**
     * With WorkerOptions::withAutoHeartbeat(), the core heartbeats for the attempt from a timer of the bridge —
     * which runs while PHP is blocked, whatever the executor — repeating the attempt's last details (the
     * previous attempt's until it gives its own), until it completes or its start-to-close timeout passes.
     */
    public function startAutoHeartbeat(string $token, Start $start): void
    {
        $heartbeatTimeout = $start->getHeartbeatTimeout();
        $interval = $this->options->autoHeartbeatInterval(
            $heartbeatTimeout === null ? null : ProtoTime::durationSeconds($heartbeatTimeout),
        );
        $limit = $start->getStartToCloseTimeout() ?? $start->getScheduleToCloseTimeout();
        if ($interval === null || $limit === null || $start->getIsLocal()) {
            return;
        }
        $initial = new ActivityHeartbeat(['task_token' => $token, 'details' => $start->getHeartbeatDetails()]);
        $this->core->startAutoHeartbeat(
            $initial->serializeToString(),
            max(1, (int) round($interval * 1000)),
            max(1, (int) round(ProtoTime::durationSeconds($limit) * 1000)),
        );
    }

    /** The executor running the task; null once it completed. */
    public function executorOf(string $token): ?RunningActivityExecutor
    {
        return $this->inFlight[$token] ?? null;
    }

    public function runningCount(): int
    {
        return \count($this->inFlight);
    }

    /** Reports the attempt's result to the core; call it from a Fiber of the scheduler. */
    public function complete(string $token, ActivityExecutionResult $result): void
    {
        if (!isset($this->inFlight[$token])) {
            return;
        }
        unset($this->inFlight[$token]);
        $completion = new ActivityTaskCompletion(['task_token' => $token, 'result' => $result]);
        $this->scheduler->await($this->core->startCompleteActivityTask($completion->serializeToString()));
    }

    /** The executor cannot go on (its processes cannot start, say): the worker shuts down and run() throws $e. */
    public function failWorker(\Throwable $e): void
    {
        ($this->failWorker)($e);
    }
}
