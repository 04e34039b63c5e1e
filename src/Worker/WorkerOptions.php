<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Utf8;

/**
 * How a worker polls and how much it runs at once. Immutable; each with*() returns a copy. Values are checked
 * by the core when the worker starts (a bad one raises \ValueError naming it).
 */
final class WorkerOptions
{
    private int $maxConcurrentActivityExecutionSize = 100;
    private int $maxConcurrentWorkflowTaskExecutionSize = 100;
    private int $maxConcurrentLocalActivityExecutionSize = 100;
    private int $maxCachedWorkflows = 1000;
    private ?int $maxCachedWorkflowBytes = null;
    private ?PollerBehavior $workflowTaskPollers = null;
    private ?PollerBehavior $activityTaskPollers = null;
    private float $stickyQueueScheduleToStartTimeout = 10.0;
    private ?WorkerTuner $tuner = null;
    private ?WorkerDeploymentOptions $deploymentOptions = null;
    private float $gracefulShutdownTimeout = 0.0;
    private float $defaultHeartbeatThrottleInterval = 30.0;
    private float $maxHeartbeatThrottleInterval = 60.0;
    private ?float $workerActivitiesPerSecond = null;
    private ?float $taskQueueActivitiesPerSecond = null;
    private ?string $identity = null;
    private ?string $buildId = null;
    /** @var list<class-string<\Throwable>> */
    private array $workflowFailureExceptionTypes = [];
    private ?\Psr\Log\LoggerInterface $logger = null;
    private float $deadlockDetectionTimeout = 2.0;
    private ?ActivityExecutor $activityExecutor = null;
    private bool $autoHeartbeat = false;
    private bool $localActivityWorkerOnly = false;
    private bool $workflowWorkerDisabled = false;
    private bool $nondeterminismExplainer = true;
    private bool $sourceInHistory = false;
    /** @var list<Interceptor> */
    private array $interceptors = [];

    public static function new(): self
    {
        return new self();
    }

    public function withMaxConcurrentActivityExecutionSize(int $size): self
    {
        return $this->with('maxConcurrentActivityExecutionSize', $size);
    }

    public function withMaxConcurrentWorkflowTaskExecutionSize(int $size): self
    {
        return $this->with('maxConcurrentWorkflowTaskExecutionSize', $size);
    }

    public function withMaxConcurrentLocalActivityExecutionSize(int $size): self
    {
        return $this->with('maxConcurrentLocalActivityExecutionSize', $size);
    }

    public function withMaxCachedWorkflows(int $count): self
    {
        return $this->with('maxCachedWorkflows', $count);
    }

    /**
     * Caps the workflow cache by memory as well as by count: past $bytes (the Zend heap the cached runs are
     * estimated to hold), the least recently used runs are evicted through the core and replay on their next
     * task. null: no byte cap. docs/DESIGN.md, "The workflow cache's byte cap". @throws \ValueError $bytes <= 0
     */
    public function withMaxCachedWorkflowBytes(?int $bytes): self
    {
        if ($bytes !== null && $bytes <= 0) {
            throw new \ValueError("WorkerOptions::withMaxCachedWorkflowBytes(): the cap must be positive bytes or null, got $bytes");
        }
        return $this->with('maxCachedWorkflowBytes', $bytes);
    }

    public function getMaxCachedWorkflowBytes(): ?int
    {
        return $this->maxCachedWorkflowBytes;
    }

    /** PollerBehavior::simpleMaximum($pollers) for workflow tasks. */
    public function withMaxConcurrentWorkflowTaskPollers(int $pollers): self
    {
        return $this->withWorkflowTaskPollerBehavior(PollerBehavior::simpleMaximum($pollers));
    }

    /** PollerBehavior::simpleMaximum($pollers) for activity tasks. */
    public function withMaxConcurrentActivityTaskPollers(int $pollers): self
    {
        return $this->withActivityTaskPollerBehavior(PollerBehavior::simpleMaximum($pollers));
    }

    /** How many workflow-task polls it keeps open (default: at most 5). */
    public function withWorkflowTaskPollerBehavior(PollerBehavior $behavior): self
    {
        return $this->with('workflowTaskPollers', $behavior);
    }

    /** How many activity-task polls it keeps open (default: at most 5). */
    public function withActivityTaskPollerBehavior(PollerBehavior $behavior): self
    {
        return $this->with('activityTaskPollers', $behavior);
    }

    /**
     * How long a workflow task may wait on this worker's sticky queue (where the next task of a run it has cached
     * goes) before the server moves it to the task queue for any worker (default 10 s); shorter recovers faster.
     */
    public function withStickyQueueScheduleToStartTimeout(\DateInterval|int|float $timeout): self
    {
        $seconds = ProtoTime::seconds($timeout, 'WorkerOptions::withStickyQueueScheduleToStartTimeout()');
        if ($seconds < 0.001) {
            throw new \ValueError('WorkerOptions::withStickyQueueScheduleToStartTimeout(): must be at least 1 ms');
        }
        return $this->with('stickyQueueScheduleToStartTimeout', $seconds);
    }

    /** The Worker Deployment version it is; excludes withBuildId() (the deployment names the build). */
    public function withDeploymentOptions(?WorkerDeploymentOptions $options): self
    {
        return $this->with('deploymentOptions', $options);
    }

    /** How many tasks of each kind it runs at once, fixed or by memory and CPU use; overrides withMaxConcurrent*(). */
    public function withTuner(?WorkerTuner $tuner): self
    {
        return $this->with('tuner', $tuner);
    }

    /** Seconds running activities get, after shutdown starts, before they are cancelled (WORKER_SHUTDOWN). */
    public function withGracefulShutdownTimeout(float $seconds): self
    {
        return $this->with('gracefulShutdownTimeout', ProtoTime::seconds($seconds, 'WorkerOptions::withGracefulShutdownTimeout()'));
    }

    public function withDefaultHeartbeatThrottleInterval(float $seconds): self
    {
        $option = 'WorkerOptions::withDefaultHeartbeatThrottleInterval()';
        return $this->with('defaultHeartbeatThrottleInterval', ProtoTime::seconds($seconds, $option));
    }

    public function withMaxHeartbeatThrottleInterval(float $seconds): self
    {
        $option = 'WorkerOptions::withMaxHeartbeatThrottleInterval()';
        return $this->with('maxHeartbeatThrottleInterval', ProtoTime::seconds($seconds, $option));
    }

    /** @throws \ValueError $rate is NaN or infinite (null: no limit) */
    public function withWorkerActivitiesPerSecond(?float $rate): self
    {
        return $this->with('workerActivitiesPerSecond', self::finite($rate, 'WorkerOptions::withWorkerActivitiesPerSecond()'));
    }

    /** @throws \ValueError $rate is NaN or infinite (null: no limit) */
    public function withTaskQueueActivitiesPerSecond(?float $rate): self
    {
        return $this->with('taskQueueActivitiesPerSecond', self::finite($rate, 'WorkerOptions::withTaskQueueActivitiesPerSecond()'));
    }

    /** Overrides the client's identity for this worker. */
    public function withIdentity(?string $identity): self
    {
        return $this->with('identity', Utf8::checkOptional($identity, 'WorkerOptions::withIdentity(): the identity'));
    }

    public function withBuildId(?string $buildId): self
    {
        return $this->with('buildId', Utf8::checkOptional($buildId, 'WorkerOptions::withBuildId(): the build id'));
    }

    /**
     * Exceptions of these types (or subtypes) thrown by workflow code fail the workflow, as a Temporal failure
     * does. Any other non-Temporal exception fails the workflow *task*, so a fix can be deployed and the run goes
     * on. @param class-string<\Throwable> ...$types
     */
    public function withWorkflowFailureExceptionTypes(string ...$types): self
    {
        return $this->with('workflowFailureExceptionTypes', array_values($types));
    }

    /**
     * How long workflow code may run without yielding before its task fails with "potential deadlock" (0: off, e.g.
     * under a debugger). Keep it below the workflow task timeout (10 s by default); the last worker started wins.
     */
    public function withDeadlockDetectionTimeout(float $seconds): self
    {
        return $this->with('deadlockDetectionTimeout', ProtoTime::seconds($seconds, 'WorkerOptions::withDeadlockDetectionTimeout()'));
    }

    public function getDeadlockDetectionTimeout(): float
    {
        return $this->deadlockDetectionTimeout;
    }

    /**
     * Where Workflow::getLogger() writes (not while a run replays). The worker also logs at debug level each
     * workflow activation it receives and completes, with the run id and the history length.
     */
    public function withLogger(?\Psr\Log\LoggerInterface $logger): self
    {
        return $this->with('logger', $logger);
    }

    public function getLogger(): ?\Psr\Log\LoggerInterface
    {
        return $this->logger;
    }

    /**
     * How the worker runs activities (local activities always run on its Fibers): FiberActivityExecutor (default)
     * or ProcessPoolActivityExecutor for blocking code, whose capacity bounds the activities asked of the server.
     */
    public function withActivityExecutor(ActivityExecutor $executor): self
    {
        return $this->with('activityExecutor', $executor);
    }

    /**
     * While an activity runs, the worker heartbeats for it with the last details it gave (those of the previous
     * attempt until it gives its own), so a heartbeat timeout detects a dead worker without the activity
     * calling heartbeat() — a blocking call need not heartbeat, and a cancellation still reaches the worker.
     * It stops at the activity's start-to-close timeout: an activity stuck that long is not kept alive. A timer
     * of the core's runtime sends them, so they go on while PHP is blocked, with every executor. Not for local
     * activities (they have no heartbeats).
     */
    public function withAutoHeartbeat(bool $enabled = true): self
    {
        return $this->with('autoHeartbeat', $enabled);
    }

    /**
     * @internal how often to heartbeat for an activity with this heartbeat timeout (null: auto-heartbeat off): half
     * the core's heartbeat interval (80 % of the timeout, at most the max throttle; else the default throttle)
     */
    public function autoHeartbeatInterval(?float $heartbeatTimeout): ?float
    {
        if (!$this->autoHeartbeat) {
            return null;
        }
        $throttle = $heartbeatTimeout === null ? $this->defaultHeartbeatThrottleInterval
            : min(0.8 * $heartbeatTimeout, $this->maxHeartbeatThrottleInterval);
        return max(0.01, $throttle / 2);
    }

    /**
     * Runs the registered workflows and their local activities only: no activity tasks are asked of the server,
     * even with activities registered (they serve as local activities), for activities with workers of their own.
     */
    public function withLocalActivityWorkerOnly(bool $enabled = true): self
    {
        return $this->with('localActivityWorkerOnly', $enabled);
    }

    /**
     * Runs the registered activities only: no workflow tasks are asked of the server, even with workflows
     * registered (so no local activities run here), for workflows with workers of their own, one registration.
     */
    public function withWorkflowWorkerDisabled(bool $disabled = true): self
    {
        return $this->with('workflowWorkerDisabled', $disabled);
    }

    /**
     * Workflow and activity interceptors of this worker (replacing any given before), run inside those of the
     * client the worker is built on (Client::withInterceptors()); the first given is outermost. Workflow
     * interceptors run on replay as the workflow does: they must be as deterministic as workflow code.
     */
    public function withInterceptors(Interceptor ...$interceptors): self
    {
        return $this->with('interceptors', array_values($interceptors));
    }

    /**
     * Records each command's file:line to explain a non-determinism error (docs/nondeterminism.md); default on.
     * $sourceInHistory (off by default: it writes file paths into history) also puts it in the user metadata of
     * each activity, local activity, timer and child workflow command, for the explainer and the Web UI.
     */
    public function withNondeterminismExplainer(bool $enabled = true, bool $sourceInHistory = false): self
    {
        if ($sourceInHistory && !$enabled) {
            throw new \ValueError('WorkerOptions::withNondeterminismExplainer(): $sourceInHistory needs the explainer on');
        }
        return $this->with('nondeterminismExplainer', $enabled)->with('sourceInHistory', $sourceInHistory);
    }

    public function isNondeterminismExplainerEnabled(): bool
    {
        return $this->nondeterminismExplainer;
    }

    public function isSourceInHistory(): bool
    {
        return $this->sourceInHistory;
    }

    /** @return list<Interceptor> */
    public function getInterceptors(): array
    {
        return $this->interceptors;
    }

    public function isLocalActivityWorkerOnly(): bool
    {
        return $this->localActivityWorkerOnly;
    }

    public function isWorkflowWorkerDisabled(): bool
    {
        return $this->workflowWorkerDisabled;
    }

    public function getActivityExecutor(): ActivityExecutor
    {
        return $this->activityExecutor ?? new FiberActivityExecutor();
    }

    /** @return list<class-string<\Throwable>> */
    public function getWorkflowFailureExceptionTypes(): array
    {
        return $this->workflowFailureExceptionTypes;
    }

    /** @internal Fibers this worker may keep suspended at once: a cached run holds at least one, so does a running activity */
    public function fiberDemand(): int
    {
        [, $activities, $localActivities] = $this->tuner?->maxSlots(...$this->fixedSlots()) ?? $this->fixedSlots();
        return $this->maxCachedWorkflows + $this->cappedByExecutor($activities) + $localActivities;
    }

    /** @return array{int, int, int} the fixed maximums of workflow tasks, activities and local activities */
    private function fixedSlots(): array
    {
        return [$this->maxConcurrentWorkflowTaskExecutionSize, $this->maxConcurrentActivityExecutionSize,
            $this->maxConcurrentLocalActivityExecutionSize];
    }

    /** @internal the worker options document of docs/DESIGN.md */
    public function toJson(string $namespace, string $taskQueue, bool $workflows, bool $activities): string
    {
        return json_encode([
            'namespace' => $namespace,
            'task_queue' => $taskQueue,
            'identity' => $this->identity,
            'build_id' => $this->buildId,
            'workflows' => $workflows,
            'activities' => $activities,
            'max_concurrent_workflow_tasks' => $this->maxConcurrentWorkflowTaskExecutionSize,
            'max_concurrent_activities' => $this->cappedByExecutor($this->maxConcurrentActivityExecutionSize),
            'max_concurrent_local_activities' => $this->maxConcurrentLocalActivityExecutionSize,
            'max_cached_workflows' => $this->maxCachedWorkflows,
            ...($this->workflowTaskPollers ?? PollerBehavior::simpleMaximum(5))->toArray('workflow_task'),
            ...($this->activityTaskPollers ?? PollerBehavior::simpleMaximum(5))->toArray('activity_task'),
            'sticky_queue_schedule_to_start_timeout_ms' => self::milliseconds($this->stickyQueueScheduleToStartTimeout),
            'deployment' => $this->deploymentOptions?->toArray(),
            'tuner' => $this->tuner?->toArray($this->fixedSlots(), $this->getActivityExecutor()->capacity()),
            'graceful_shutdown_period_ms' => self::milliseconds($this->gracefulShutdownTimeout),
            'default_heartbeat_throttle_interval_ms' => self::milliseconds($this->defaultHeartbeatThrottleInterval),
            'max_heartbeat_throttle_interval_ms' => self::milliseconds($this->maxHeartbeatThrottleInterval),
            'max_activities_per_second' => $this->workerActivitiesPerSecond,
            'max_task_queue_activities_per_second' => $this->taskQueueActivitiesPerSecond,
        ], JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION);
    }

    /** An executor with a capacity of its own (a pool's processes) runs no more activities than that at once. */
    private function cappedByExecutor(int $activities): int
    {
        $capacity = $this->getActivityExecutor()->capacity();
        return $capacity === null ? $activities : min($capacity, $activities);
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }

    // The core checks the range and names the option; a NaN would not even reach it (JSON has none).
    private static function finite(?float $rate, string $option): ?float
    {
        if ($rate !== null && !is_finite($rate)) {
            throw new \ValueError("$option: the rate must be a finite number, got " . var_export($rate, true));
        }
        return $rate;
    }

    private static function milliseconds(float $seconds): int
    {
        return (int) round($seconds * 1000);
    }
}
