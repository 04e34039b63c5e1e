<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache\EvictionReason;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCompletion\Failure as FailedActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCompletion\Success;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCompletion\WorkflowActivationCompletion;
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * The workflow half of a worker: polls activations, keeps the cached runs, applies each activation to its
 * run and completes it. Every activation gets exactly one completion, evictions and failures included.
 *
 * @internal
 */
final class WorkflowTaskRunner
{
    /** How many evicted runs recentRuns() remembers: a hot reload replays them with the cached ones. */
    private const REMEMBERED_EVICTIONS = 20;

    /** @var array<string, WorkflowRun> by run id; the core decides what stays cached and evicts the rest */
    private array $runs = [];
    /** @var array<string, string> run id => workflow id, of runs whose first activation failed before they existed */
    private array $unstarted = [];
    /** @var ?\Closure(string, RemoveFromCache, string, list<ProducedCommand>): void */
    private ?\Closure $onEviction = null;
    /** @var array<string, string> run id => workflow id of the last runs evicted but not for failing, oldest first */
    private array $evicted = [];

    public function __construct(
        private readonly CoreWorker $core,
        private readonly FiberScheduler $scheduler,
        private readonly WorkflowRegistry $registry,
        private readonly DataConverter $converter,
        private readonly string $namespace,
        private readonly string $taskQueue,
        /** @var list<class-string<\Throwable>> */
        private readonly array $failureExceptionTypes = [],
        private readonly ?\Psr\Log\LoggerInterface $logger = null,
        /** built once: the pipelines are shared by every run */
        private readonly WorkflowInterceptors $interceptors = new WorkflowInterceptors(),
        /** WorkerOptions::withMaxCachedWorkflowBytes(); null: the core's count cap alone */
        private readonly ?WorkflowCacheBudget $cacheBudget = null,
        /** WorkerOptions::withNondeterminismExplainer(): each run keeps a CommandLog */
        private readonly bool $recordCommands = false,
        /** ... with sourceInHistory: each command's place goes into its user metadata too */
        private readonly bool $sourceInHistory = false,
    ) {
    }

    /** @throws TemporalException the poll failed for good */
    public function pollUntilShutdown(): void
    {
        while (($bytes = $this->scheduler->await($this->core->startPollWorkflowActivation())) !== null) {
            $activation = new WorkflowActivation();
            $activation->mergeFromString($bytes);
            $this->logger?->debug('workflow activation received', self::describe($activation));
            $completion = $this->handle($activation);
            $bytes = $completion->serializeToString();
            // Completing may fetch history: let the poll (and other runs) go on meanwhile.
            $this->scheduler->spawn(function () use ($activation, $completion, $bytes): void {
                $this->scheduler->await($this->core->startCompleteWorkflowActivation($bytes));
                $this->logger?->debug('workflow activation completed', self::describe($activation)
                    + ['failed' => $completion->hasFailed()]);
            });
        }
    }

    /**
     * What the debug records of an activation carry: enough to match it with the history (its history length is
     * the WorkflowTaskStarted event id of the task it came from), e.g. to tell whether a task that timed out
     * reached PHP.
     *
     * @return array{run_id: string, history_length: int, replaying: bool, jobs: list<string>}
     */
    private static function describe(WorkflowActivation $activation): array
    {
        $jobs = [];
        foreach ($activation->getJobs() as $job) {
            $jobs[] = $job->getVariant();
        }
        return ['run_id' => $activation->getRunId(), 'history_length' => $activation->getHistoryLength(),
            'replaying' => $activation->getIsReplaying(), 'jobs' => $jobs];
    }

    /**
     * Observes every eviction with the evicted run's workflow id, run id and the commands it had produced (empty
     * when the explainer is off): the replayer's source of verdicts, the worker's of non-determinism reports.
     *
     * @param \Closure(string, RemoveFromCache, string, list<ProducedCommand>): void $observer
     */
    public function onEviction(\Closure $observer): void
    {
        $this->onEviction = $observer;
    }

    public function cachedRuns(): int
    {
        return \count($this->runs);
    }

    /**
     * The runs whose code a hot reload must still replay: the cached ones, then the last evicted (completed or
     * pushed out of the cache), most recent first. A run evicted for failing its task is left out: it does not
     * replay on the current code either.
     *
     * @return array<string, string> run id => workflow id
     */
    public function recentRuns(): array
    {
        $cached = array_map(static fn (WorkflowRun $run): string => $run->info->workflowId, $this->runs);
        return array_reverse($cached, true) + array_reverse($this->evicted, true);
    }

    private function handle(WorkflowActivation $activation): WorkflowActivationCompletion
    {
        $runId = $activation->getRunId();
        $completion = new WorkflowActivationCompletion(['run_id' => $runId]);
        try {
            if (($eviction = self::eviction($activation)) !== null) {
                $this->evict($runId, $eviction);
                $completion->setSuccessful(new Success());
                return $completion;
            }
            $heapBefore = memory_get_usage();
            $run = $this->runs[$runId] ??= $this->newRun($activation);
            $commands = $run->activate($activation);
            if ($this->cacheBudget !== null) {
                $this->cacheBudget->record($runId, memory_get_usage() - $heapBefore);
                $this->evictOverBudget($this->cacheBudget);
            }
            $completion->setSuccessful(new Success(['commands' => $commands,
                'used_internal_flags' => $run->flags->takeNewlyUsed(),
                'versioning_behavior' => $run->definition->versioningBehavior->value]));
        } catch (\Throwable $e) {
            if (!isset($this->runs[$runId]) && ($init = self::initializeJob($activation)) !== null) {
                $this->unstarted[$runId] = $init->getWorkflowId();
            }
            $failure = $this->converter->getFailureConverter()->toFailure($e, $this->converter);
            if ($e instanceof DeadlockException) {
                $failure->setStackTrace($e->getWorkflowStack());  // where the workflow spun, not where it was stopped
            }
            $completion->setFailed(new FailedActivation(['failure' => $failure]));
        }
        return $completion;
    }

    private function evict(string $runId, RemoveFromCache $eviction): void
    {
        $run = $this->runs[$runId] ?? null;
        $heapBefore = memory_get_usage();
        $run?->evict();
        // A run that never started (its type is not registered) is evicted too: the replayer must hear of it.
        $workflowId = $run?->info->workflowId ?? $this->unstarted[$runId] ?? null;
        $produced = $run?->commandLog?->produced() ?? [];
        unset($this->runs[$runId], $this->unstarted[$runId], $run);
        $this->rememberEviction($runId, $workflowId, $eviction->getReason());
        if ($this->onEviction !== null && $workflowId !== null) {
            ($this->onEviction)($workflowId, $eviction, $runId, $produced);
        }
        if ($this->cacheBudget !== null) {
            $estimate = $this->cacheBudget->forget($runId);
            // A run's objects often form cycles (closures holding the run): free them now, and hand the freed
            // pages back to the system, or the cap would bound the estimate but not the process.
            gc_collect_cycles();
            $freed = $heapBefore - memory_get_usage();
            gc_mem_caches();
            $this->cacheBudget->trimAllocator();
            $this->logger?->debug('workflow run evicted', ['run_id' => $runId, 'estimated_bytes' => $estimate,
                'freed_bytes' => $freed, 'reason' => $eviction->getReason()]);
        }
    }

    private function rememberEviction(string $runId, ?string $workflowId, int $reason): void
    {
        if ($workflowId === null || $reason === EvictionReason::NONDETERMINISM || $reason === EvictionReason::LANG_FAIL) {
            return;
        }
        unset($this->evicted[$runId]);
        $this->evicted[$runId] = $workflowId;
        if (\count($this->evicted) > self::REMEMBERED_EVICTIONS) {
            unset($this->evicted[array_key_first($this->evicted)]);
        }
    }

    /** Asks the core to evict the least recently used runs while the cache is over its byte cap. */
    private function evictOverBudget(WorkflowCacheBudget $budget): void
    {
        foreach ($budget->overflow() as $runId => $bytes) {
            $this->logger?->debug('evicting a workflow run: the cache is over its byte cap', ['run_id' => $runId,
                'estimated_bytes' => $bytes, 'cached_bytes' => $budget->totalBytes(), 'max_bytes' => $budget->maxBytes]);
            $this->core->requestWorkflowEviction((string) $runId);
        }
    }

    /** @throws \LogicException a cache miss (the core then replays the run) or an unregistered type */
    private function newRun(WorkflowActivation $activation): WorkflowRun
    {
        $init = self::initializeJob($activation) ?? throw new \LogicException(\sprintf(
            'run %s is not in this worker\'s cache and this activation does not start it; the core replays it',
            $activation->getRunId(),
        ));
        $definition = $this->registry->find($init->getWorkflowType()) ?? throw new \LogicException(\sprintf(
            'workflow type "%s" is not registered on this worker (registered: %s)',
            $init->getWorkflowType(),
            implode(', ', $this->registry->types()) ?: 'none',
        ));
        $info = WorkflowInfo::fromInitialize(
            $init,
            $activation->getRunId(),
            $this->namespace,
            $this->taskQueue,
            ProtoTime::toDateTime($activation->getTimestamp()) ?? new \DateTimeImmutable('@0'),
            $this->converter,
        );
        return new WorkflowRun($definition, $info, $this->converter, $this->failureExceptionTypes, $this->logger,
            $this->interceptors, $this->commandLog());
    }

    private function commandLog(): ?CommandLog
    {
        return $this->recordCommands ? new CommandLog($this->sourceInHistory ? $this->converter : null) : null;
    }

    private static function initializeJob(WorkflowActivation $activation): ?InitializeWorkflow
    {
        foreach ($activation->getJobs() as $job) {
            if ($job->getVariant() === 'initialize_workflow') {
                return $job->getInitializeWorkflow();
            }
        }
        return null;
    }

    private static function eviction(WorkflowActivation $activation): ?RemoveFromCache
    {
        foreach ($activation->getJobs() as $job) {
            if ($job->getVariant() === 'remove_from_cache') {
                return $job->getRemoveFromCache();
            }
        }
        return null;
    }
}
