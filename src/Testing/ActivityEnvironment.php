<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Testing\Internal\ActivityAttempt;
use TrueAsync\Temporal\Testing\Internal\RecordingActivityChannel;
use TrueAsync\Temporal\Testing\Internal\TestActivityInfo;

/**
 * Runs an activity in the test's process, without a worker or a server, with the context a worker gives it:
 * Activity::getInfo(), heartbeat(), getHeartbeatDetails(), isWorkerShuttingDown(), awaitWorkerShutdown() and
 * getMetricMeter() work inside it (the meter records nothing without an exporter).
 *
 *     $env = ActivityEnvironment::create()->withActivityType('charge')
 *         ->withHeartbeatListener(fn (array $details, ActivityEnvironment $env) => $env->cancel());
 *     $env->run([new Billing(), 'charge'], 250);  // throws ActivityCanceledException at its first heartbeat
 *     $env->getHeartbeats();                      // [[...the details of that heartbeat]]
 *
 * The with*() setters return a copy with the setting changed; a copy has recorded and been asked nothing.
 * Time does not pass: Activity::awaitWorkerShutdown() with a timeout returns at once.
 */
final class ActivityEnvironment
{
    private ActivityInfo $info;
    private DataConverter $converter;
    /** @var list<mixed> */
    private array $heartbeatDetails = [];
    private ?string $resultType = null;
    /** @var (\Closure(list<mixed>, self): void)|null */
    private ?\Closure $heartbeatListener = null;

    private ?ActivityAttempt $running = null;
    /** @var list<list<mixed>> */
    private array $heartbeats = [];
    private ?ActivityCancelReason $cancelReason = null;
    private bool $shutdownRequested = false;
    private bool $completesAsync = false;

    private function __construct()
    {
        $this->info = TestActivityInfo::default();
        $this->converter = DataConverter::default();
    }

    /**
     * The info of create(): type "TestActivity", id "test-activity-id", attempt 1, task queue "test", namespace
     * "default", workflow "TestWorkflow" ("test-workflow-id", run "test-run-id"), task token "test-task-token",
     * scheduled and started now, no timeouts; the default data converter, no heartbeat details.
     */
    public static function create(): self
    {
        return new self();
    }

    /** The info the next run() gives the activity. */
    public function getInfo(): ActivityInfo
    {
        return $this->info;
    }

    /** A copy whose activity gets $info, e.g. one a previous run recorded from Activity::getInfo(). */
    public function withInfo(ActivityInfo $info): self
    {
        $copy = clone $this;
        $copy->info = $info;
        return $copy;
    }

    public function withActivityType(string $activityType): self
    {
        return $this->withInfoChanged(['activityType' => self::notEmpty($activityType, __FUNCTION__)]);
    }

    public function withActivityId(string $activityId): self
    {
        return $this->withInfoChanged(['activityId' => self::notEmpty($activityId, __FUNCTION__)]);
    }

    /** @throws \ValueError $attempt is below 1 */
    public function withAttempt(int $attempt): self
    {
        if ($attempt < 1) {
            throw new \ValueError("ActivityEnvironment::withAttempt(): attempts count from 1, got $attempt");
        }
        return $this->withInfoChanged(['attempt' => $attempt]);
    }

    public function withTaskQueue(string $taskQueue): self
    {
        return $this->withInfoChanged(['taskQueue' => self::notEmpty($taskQueue, __FUNCTION__)]);
    }

    public function withNamespace(string $namespace): self
    {
        return $this->withInfoChanged(['workflowNamespace' => self::notEmpty($namespace, __FUNCTION__)]);
    }

    /** The workflow that scheduled the activity. */
    public function withWorkflow(string $workflowType, string $workflowId, string $runId = 'test-run-id'): self
    {
        return $this->withInfoChanged(['workflowType' => $workflowType, 'workflowId' => $workflowId,
            'workflowRunId' => $runId]);
    }

    /** The token a test of asynchronous completion reads from Activity::getInfo()->taskToken. */
    public function withTaskToken(string $taskToken): self
    {
        return $this->withInfoChanged(['taskToken' => self::notEmpty($taskToken, __FUNCTION__)]);
    }

    /** @throws \ValueError not a finite, non-negative duration */
    public function withHeartbeatTimeout(\DateInterval|int|float|null $timeout): self
    {
        return $this->withTimeout('heartbeatTimeout', $timeout, __FUNCTION__);
    }

    /** @throws \ValueError not a finite, non-negative duration */
    public function withStartToCloseTimeout(\DateInterval|int|float|null $timeout): self
    {
        return $this->withTimeout('startToCloseTimeout', $timeout, __FUNCTION__);
    }

    /** @throws \ValueError not a finite, non-negative duration */
    public function withScheduleToCloseTimeout(\DateInterval|int|float|null $timeout): self
    {
        return $this->withTimeout('scheduleToCloseTimeout', $timeout, __FUNCTION__);
    }

    /**
     * A copy whose activity finds $details recorded by the last heartbeat of a previous attempt
     * (Activity::getHeartbeatDetails()). Set withAttempt() too: the server gives details to retries only.
     */
    public function withHeartbeatDetails(mixed ...$details): self
    {
        $copy = clone $this;
        $copy->heartbeatDetails = array_values($details);
        return $copy;
    }

    /**
     * A copy for the attempt the server would start after the last run: attempt + 1, with the details of the
     * last heartbeat that run recorded (if it recorded one, else the details this environment has).
     */
    public function nextAttempt(): self
    {
        $details = $this->heartbeats === [] ? $this->heartbeatDetails : end($this->heartbeats);
        return $this->withAttempt($this->info->attempt + 1)->withHeartbeatDetails(...$details);
    }

    /** A copy that encodes arguments, heartbeat details and the result with $converter. */
    public function withDataConverter(DataConverter $converter): self
    {
        $copy = clone $this;
        $copy->converter = $converter;
        return $copy;
    }

    /** A copy whose run() decodes the result as $type (a class, "int", "?array"...), as a workflow would. */
    public function withResultType(?string $type): self
    {
        $copy = clone $this;
        $copy->resultType = $type;
        return $copy;
    }

    /**
     * A copy that calls $listener on each heartbeat, after recording it, with its decoded details and this
     * environment: cancel() or shutdownWorker() there reach the activity as they would in a worker, so the
     * heartbeat that called the listener throws after cancel(). What $listener throws, heartbeat() throws.
     *
     * @param \Closure(list<mixed> $details, self $env): void $listener
     */
    public function withHeartbeatListener(\Closure $listener): self
    {
        $copy = clone $this;
        $copy->heartbeatListener = $listener;
        return $copy;
    }

    /**
     * Runs the activity in a Fiber to its end, as a worker would run this attempt: the arguments are encoded
     * and decoded into its parameter types, the result encoded and decoded (withResultType()). It returns
     * null when the activity called Activity::doNotCompleteOnReturn() (see completesAsync()).
     *
     * What the activity throws, run() throws as it is: a worker reports an ActivityCanceledException (let
     * through) as the activity's cancellation, anything else as its failure, through the failure converter.
     *
     * @param callable $activity a closure, [$object, 'method'], an invokable object or a function name
     * @throws \Throwable what the activity threw; a DataConverterException for a value the converter refuses
     * @throws \LogicException run() while this environment runs an activity, or the activity suspended its Fiber
     */
    public function run(callable $activity, mixed ...$args): mixed
    {
        if ($this->running !== null) {
            throw new \LogicException('ActivityEnvironment::run(): this environment is running an activity already');
        }
        $this->heartbeats = [];
        $attempt = new ActivityAttempt($this->info, $this->heartbeatDetails,
            new RecordingActivityChannel($this->converter, $this->recordHeartbeat(...)), $this->converter);
        $this->running = $attempt;
        $this->deliverRequests();
        try {
            return $attempt->run($activity, array_values($args), $this->resultType);
        } finally {
            $this->completesAsync = $attempt->context->completesAsync();
            $this->running = null;
            $this->cancelReason = null;
            $this->shutdownRequested = false;
        }
    }

    /**
     * Cancels the running activity as the server does ($reason CANCELLED: the workflow cancelled it; TIMED_OUT,
     * PAUSED... for the others; WORKER_SHUTDOWN as a worker does when its graceful shutdown period ends): its
     * next heartbeat throws ActivityCanceledException with $reason. Between runs, it cancels the next run.
     */
    public function cancel(ActivityCancelReason $reason = ActivityCancelReason::CANCELLED): void
    {
        $this->cancelReason ??= $reason;
        $this->deliverRequests();
    }

    /**
     * Starts the worker's graceful shutdown, as far as the running activity can tell: Activity::
     * isWorkerShuttingDown() turns true and awaitWorkerShutdown() returns. Not a cancellation (see cancel()).
     * Between runs, the next run starts with the worker shutting down.
     */
    public function shutdownWorker(): void
    {
        $this->shutdownRequested = true;
        $this->deliverRequests();
    }

    /** @return list<list<mixed>> the decoded details of each heartbeat of the last (or running) run, in order */
    public function getHeartbeats(): array
    {
        return $this->heartbeats;
    }

    /** Whether the last run called Activity::doNotCompleteOnReturn(): a worker would leave it open. */
    public function completesAsync(): bool
    {
        return $this->completesAsync;
    }

    /** A copy keeps the settings only: it has run nothing and been asked nothing. */
    public function __clone()
    {
        $this->running = null;
        $this->heartbeats = [];
        $this->cancelReason = null;
        $this->shutdownRequested = false;
        $this->completesAsync = false;
    }

    /** @param list<mixed> $details */
    private function recordHeartbeat(array $details): void
    {
        $this->heartbeats[] = $details;
        if ($this->heartbeatListener !== null) {
            ($this->heartbeatListener)($details, $this);
        }
    }

    /** What cancel() and shutdownWorker() asked reaches the running attempt, as the worker's executor does it. */
    private function deliverRequests(): void
    {
        $context = $this->running?->context;
        if ($context === null) {
            return;
        }
        if ($this->shutdownRequested) {
            $context->notifyWorkerShutdown();
        }
        if ($this->cancelReason !== null) {
            $context->requestCancel($this->cancelReason);
        }
    }

    /** @param array<string, mixed> $changes */
    private function withInfoChanged(array $changes): self
    {
        return $this->withInfo(TestActivityInfo::with($this->info, $changes));
    }

    private function withTimeout(string $field, \DateInterval|int|float|null $timeout, string $method): self
    {
        $seconds = $timeout === null ? null : ProtoTime::seconds($timeout, "ActivityEnvironment::$method()");
        return $this->withInfoChanged([$field => $seconds]);
    }

    private static function notEmpty(string $value, string $method): string
    {
        if ($value === '') {
            throw new \ValueError("ActivityEnvironment::$method(): the value must not be empty");
        }
        return $value;
    }
}
