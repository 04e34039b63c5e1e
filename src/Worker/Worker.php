<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Core\DeterminismGuard;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\Internal\ClientConnection;
use TrueAsync\Temporal\Worker\Internal\ActivityInvocation;
use TrueAsync\Temporal\Worker\Internal\ActivityRegistry;
use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\ActivityTaskRunner;
use TrueAsync\Temporal\Worker\Internal\FiberActivityRunner;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Worker\Internal\NondeterminismReporter;
use TrueAsync\Temporal\Workflow\Internal\WorkflowCacheBudget;
use TrueAsync\Temporal\Workflow\Internal\WorkflowInterceptors;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRegistry;
use TrueAsync\Temporal\Workflow\Internal\WorkflowTaskRunner;

/**
 * Serves one task queue: the workflows and activities registered on it.
 * Made by WorkerFactory::newWorker(); runs inside WorkerFactory::run(). Polls only the task kinds registered.
 */
final class Worker implements ActivityRegistrar
{
    private ActivityRegistry $activities;
    private WorkflowRegistry $workflows;
    private int $runningPollers = 0;
    private ?CoreWorker $core = null;
    private ?ActivityTaskRunner $activityTasks = null;
    private ?WorkflowTaskRunner $workflowTasks = null;
    private bool $shutdownRequested = false;
    private bool $finalizing = false;  // every task ended: the core worker is being (or was) finalized
    private ?\Throwable $failure = null;

    /** @internal */
    public function __construct(
        private readonly string $taskQueue,
        private readonly WorkerOptions $options,
        private readonly Client $client,
    ) {
        $this->activities = new ActivityRegistry();
        $this->workflows = new WorkflowRegistry();
    }

    public function getTaskQueue(): string
    {
        return $this->taskQueue;
    }

    public function registerActivity(object ...$implementations): static
    {
        foreach ($implementations as $implementation) {
            $this->activities->registerObject($implementation);
        }
        return $this;
    }

    public function registerActivityCallable(string $name, callable $handler): static
    {
        $this->activities->registerCallable($name, $handler);
        return $this;
    }

    public function registerDynamicActivity(callable $handler): static
    {
        $this->activities->registerDynamic($handler);
        return $this;
    }

    /**
     * Registers #[WorkflowInterface] classes; each is instantiated (without arguments) per run.
     *
     * @param class-string ...$workflowClasses
     * @throws \LogicException a class is not a valid workflow, or its type name is taken
     */
    public function registerWorkflowTypes(string ...$workflowClasses): self
    {
        foreach ($workflowClasses as $class) {
            $this->workflows->register($class);
        }
        return $this;
    }

    /**
     * Registers the #[WorkflowInterface] class that runs every workflow type not registered otherwise; its
     * workflow method receives an EncodedArguments, and Workflow::getInfo()->workflowType names the type.
     *
     * @throws \LogicException not a workflow class, or a dynamic workflow is already registered
     */
    public function registerDynamicWorkflow(string $workflowClass): self
    {
        $this->workflows->registerDynamic($workflowClass);
        return $this;
    }

    /**
     * Starts a graceful shutdown: polling stops, running activities finish (or are cancelled), run() returns.
     * Once the worker has stopped (a poll error, an earlier shutdown) it does nothing.
     */
    public function shutdown(): void
    {
        $this->shutdownRequested = true;
        if ($this->finalizing) {
            return;
        }
        $this->core?->initiateShutdown();
        $this->activityTasks?->notifyWorkerShutdown();
    }

    /**
     * @internal creates the core worker and schedules its poll loops on $scheduler
     * @throws \LogicException nothing registered
     * @throws \ValueError the core rejected an option (the message names it)
     */
    public function start(FiberScheduler $scheduler): void
    {
        $executor = $this->options->getActivityExecutor();
        $hasWorkflows = !$this->workflows->isEmpty() && !$this->options->isWorkflowWorkerDisabled();
        $hasActivities = (!$this->activities->isEmpty() || $executor->registersOwnActivities())
            && !$this->options->isLocalActivityWorkerOnly();
        $this->checkRegistrations($executor, $hasWorkflows, $hasActivities);
        $namespace = $this->client->getNamespace();
        $json = $this->options->toJson($namespace, $this->taskQueue, $hasWorkflows, $hasActivities);
        $this->core = new CoreWorker(ClientConnection::of($this->client), $json);
        $converter = $this->client->getDataConverter();
        // Local activities of this worker's workflows arrive on the activity poll, so workflows need it too.
        $activities = $this->activityTasks = $this->activityRunner($scheduler, $executor);
        $this->spawnPoller($scheduler, $activities->pollUntilShutdown(...), $activities);
        if ($hasWorkflows) {
            DeterminismGuard::setDeadlockBudgetMs((int) round($this->options->getDeadlockDetectionTimeout() * 1000));
            $explain = $this->options->isNondeterminismExplainerEnabled();
            $runner = $this->workflowTasks = new WorkflowTaskRunner($this->core, $scheduler, $this->workflows, $converter, $namespace,
                $this->taskQueue, $this->options->getWorkflowFailureExceptionTypes(), $this->options->getLogger(),
                new WorkflowInterceptors($this->interceptors()), $this->cacheBudget(), $explain,
                $this->options->isSourceInHistory());
            if ($explain) {
                $reporter = new NondeterminismReporter($this->client, $scheduler, $this->options->getLogger());
                $runner->onEviction($reporter->onEviction(...));
            }
            $this->spawnPoller($scheduler, $runner->pollUntilShutdown(...), $activities);
        }
        if ($this->shutdownRequested) {
            $this->core->initiateShutdown();
            $activities->notifyWorkerShutdown();
        }
    }

    private function cacheBudget(): ?WorkflowCacheBudget
    {
        $bytes = $this->options->getMaxCachedWorkflowBytes();
        return $bytes === null ? null : new WorkflowCacheBudget($bytes);
    }

    /** @return list<Interceptor> the client's interceptors, then the worker's own: the first is outermost */
    private function interceptors(): array
    {
        return [...$this->client->getInterceptors(), ...$this->options->getInterceptors()];
    }

    /** @internal */
    public function getOptions(): WorkerOptions
    {
        return $this->options;
    }

    /** @internal the runs a hot reload replays on the new code: run id => workflow id (WorkflowTaskRunner::recentRuns()) */
    public function recentRuns(): array
    {
        return $this->workflowTasks?->recentRuns() ?? [];
    }

    /** @internal a replayer running this worker's workflows as it does: same registrations, interceptors, converter */
    public function newReplayer(): WorkflowReplayer
    {
        return WorkflowReplayer::ofRegistry($this->workflows, new WorkflowInterceptors($this->interceptors()),
            $this->client->getDataConverter());
    }

    /** @internal the error that stopped this worker, if any */
    public function getFailure(): ?\Throwable
    {
        return $this->failure;
    }

    /** @throws \LogicException nothing to serve, or activities registered where the executor does not look */
    private function checkRegistrations(ActivityExecutor $executor, bool $hasWorkflows, bool $hasActivities): void
    {
        if (!$hasWorkflows && !$hasActivities) {
            throw new \LogicException(\sprintf(
                'worker for "%s" has nothing to serve: %s',
                $this->taskQueue,
                $this->workflows->isEmpty() && $this->activities->isEmpty() && !$executor->registersOwnActivities()
                    ? 'nothing is registered'
                    : 'its options disable what is registered (withLocalActivityWorkerOnly() needs workflows, '
                        . 'withWorkflowWorkerDisabled() needs activities)',
            ));
        }
        if ($executor->registersOwnActivities() && !$this->activities->isEmpty()) {
            throw new \LogicException(\sprintf(
                'worker for "%s": its activity executor (%s) registers the activities itself: register them in '
                . 'its bootstrap, not on the Worker (found: %s)',
                $this->taskQueue,
                $executor::class,
                implode(', ', $this->activities->names()),
            ));
        }
    }

    private function activityRunner(FiberScheduler $scheduler, ActivityExecutor $executor): ActivityTaskRunner
    {
        \assert($this->core !== null);
        // In a pool's processes the bootstrap's interceptors apply; these wrap the activities run here.
        $invocation = new ActivityInvocation($this->activities, $this->client->getDataConverter(), $this->taskQueue,
            $this->interceptors());
        $host = new ActivityTaskHost($this->core, $scheduler, $invocation, $this->taskQueue, $this->options,
            $this->fail(...));
        $local = new FiberActivityRunner($host);
        $remote = $executor instanceof FiberActivityExecutor ? $local : $executor->open($host);
        return new ActivityTaskRunner($host, $remote, $local);
    }

    private function fail(\Throwable $e): void
    {
        $this->failure ??= $e;
        $this->core?->initiateShutdown();
        $this->activityTasks?->notifyWorkerShutdown();
    }

    private function spawnPoller(FiberScheduler $scheduler, \Closure $poll, ActivityTaskRunner $activities): void
    {
        $this->runningPollers++;
        $scheduler->spawn(function () use ($poll, $scheduler, $activities): void {
            $this->pollUntilShutdown($poll);
            if (--$this->runningPollers === 0) {
                $this->finalize($scheduler, $activities);
            }
        });
    }

    private function pollUntilShutdown(\Closure $poll): void
    {
        \assert($this->core !== null);
        for (;;) {
            try {
                $poll();
                return;
            } catch (TemporalException $e) {
                // A poll error is fatal for this worker (the core already retried): drain, then report the first.
                $this->fail($e);
            }
        }
    }

    /** Runs once both polls reported shutdown: every task is completed by then but the last completions. */
    private function finalize(FiberScheduler $scheduler, ActivityTaskRunner $activities): void
    {
        \assert($this->core !== null);
        while ($activities->runningCount() > 0) {
            $scheduler->yield();
        }
        $this->finalizing = true;
        $scheduler->await($this->core->startFinalizeShutdown());
        $activities->close();
    }
}
