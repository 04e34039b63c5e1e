<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\SetPatchMarker;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\DeterminismGuard;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * One workflow run: its instance, its Fibers and what they wait for. An activation is applied in two steps:
 * every job changes state (resolving waits, queueing handler Fibers), then Fibers run in FIFO order until
 * none can progress, then the first true condition wakes its waiter, and so on. Queries run last, read-only.
 *
 * @internal
 */
final class WorkflowRun
{
    private static ?self $current = null;

    public readonly WorkflowContext $context;
    private JobApplier $jobs;
    public readonly Handlers $handlers;
    private object $instance;
    private ?\Fiber $main = null;
    /** @var \SplQueue<array{\Fiber, mixed, ?\Throwable}> */
    private \SplQueue $ready;
    /** @var array<string, array<int, array{\Closure(mixed): void, \Fiber, ?\Closure(): bool}>> kind => seq => wait */
    private array $pending = [];
    /** @var array<string, array<int, mixed>> resolutions that arrived before their wait (a child's result) */
    private array $early = [];
    private CancellationScope $root;
    /** @var \WeakMap<\Fiber, CancellationScope> */
    private \WeakMap $scopes;
    private bool $cancelRequested = false;
    /** @var array<string, int> */
    private array $sequences = [];
    /** @var list<WorkflowCommand> */
    private array $commands = [];
    /** @var array<int, array{\Closure(): bool, \Fiber}> */
    private array $conditions = [];
    private int $conditionIds = 0;
    private bool $finished = false;
    /** A Fiber of this run was stopped for never yielding: nothing of it may run again before eviction. */
    private bool $broken = false;
    /** @var list<array{mixed, mixed, array}> log records of this activation, handed to the logger after it */
    private array $logRecords = [];
    private bool $evicting = false;
    private bool $readOnly = false;
    private \DateTimeImmutable $now;
    private bool $replaying = false;
    private \Random\Randomizer $randomizer;
    /** The run's search attributes: from its start, then its own upserts. */
    public SearchAttributes $searchAttributes;
    /** @var array<string, true> patches the core says history has */
    private array $notifiedPatches = [];
    /** @var array<string, bool> patched() answers, memoized for the run */
    private array $patches = [];
    public readonly InternalFlags $flags;

    public function __construct(
        public readonly WorkflowDefinition $definition,
        public readonly WorkflowInfo $info,
        public readonly DataConverter $converter,
        /** @var list<class-string<\Throwable>> */
        private readonly array $failureExceptionTypes = [],
        private readonly ?\Psr\Log\LoggerInterface $logger = null,
    ) {
        $this->ready = new \SplQueue();
        $this->root = new CancellationScope();
        $this->scopes = new \WeakMap();
        $this->now = new \DateTimeImmutable('@0');
        $this->context = new WorkflowContext($this);
        $this->handlers = new Handlers();
        $this->flags = new InternalFlags();
        $this->jobs = new JobApplier($this->handlers);
        $this->instance = new ($definition->class)();
        $this->reseed(0);
        $this->searchAttributes = SearchAttributes::empty();
    }

    /** @throws \LogicException outside workflow code that a worker is running */
    public static function current(): self
    {
        return self::$current ?? throw new \LogicException(
            'Workflow:: methods work only inside workflow code that a Worker is running'
        );
    }

    /**
     * Applies an activation and returns the commands it produced.
     *
     * @return list<WorkflowCommand>
     * @throws \Throwable workflow code failed with a non-Temporal error: the task fails and is retried
     */
    public function activate(WorkflowActivation $activation): array
    {
        $this->commands = [];
        $this->now = ProtoTime::toDateTime($activation->getTimestamp()) ?? $this->now;
        $this->replaying = $activation->getIsReplaying();
        $this->flags->observe($activation);
        $this->info->historyLength = $activation->getHistoryLength();
        $this->info->continueAsNewSuggested = $activation->getContinueAsNewSuggested();
        if ($this->broken) {
            throw new \LogicException('this run was stopped for a potential deadlock; it waits for its eviction');
        }
        self::$current = $this;
        try {
            $queries = $this->jobs->apply($this, $activation);
            $this->runUntilBlocked();
            foreach ($queries as $query) {
                $this->commands[] = $this->jobs->answer($this, $query);
            }
        } finally {
            self::$current = null;
            $this->flushLogs();
        }
        return $this->commands;
    }

    /** Registers a handler at run time; buffered signals of that name are delivered now, in arrival order. */
    public function registerHandler(string $kind, string $name, \Closure $handler): void
    {
        $this->assertMayAct();
        $this->handlers->register($kind, $name, $handler);
        if ($kind === 'signal') {
            foreach ($this->handlers->takeBuffered($name) as $signal) {
                $this->jobs->signal($this, $signal);
            }
        }
    }

    /** The worker's logger behind a replay filter. */
    public function logger(): \Psr\Log\LoggerInterface
    {
        return new ReplaySafeLogger($this);
    }

    /** Keeps a record until the activation is over: loggers read the clock, which workflow code may not. */
    public function bufferLog(mixed $level, mixed $message, array $context): void
    {
        if ($this->logger !== null) {
            $this->logRecords[] = [$level, $message, $context];
        }
    }

    private function flushLogs(): void
    {
        [$records, $this->logRecords] = [$this->logRecords, []];
        foreach ($records as [$level, $message, $context]) {
            $this->logger?->log($level, $message, $context);
        }
    }

    public function instance(): object
    {
        return $this->instance;
    }

    public function now(): \DateTimeImmutable
    {
        return $this->now;
    }

    public function isReplaying(): bool
    {
        return $this->replaying;
    }

    /** Queues the workflow method; called once, after the first activation's handlers were queued. */
    public function startMain(\Closure $body): void
    {
        $this->main = new \Fiber($body);
        $this->scopes[$this->main] = $this->root;
        $this->ready->enqueue([$this->main, null, null]);
    }

    /** Queues a Fiber in $scope (default: the caller's scope, or the root for handlers). */
    public function startHandler(\Closure $body, ?CancellationScope $scope = null): void
    {
        $fiber = new \Fiber($body);
        $this->scopes[$fiber] = $scope ?? $this->currentScope();
        $this->ready->enqueue([$fiber, null, null]);
    }

    public function currentScope(): CancellationScope
    {
        $fiber = \Fiber::getCurrent();
        return ($fiber === null ? null : ($this->scopes[$fiber] ?? null)) ?? $this->root;
    }

    public function isCancelRequested(): bool
    {
        return $this->cancelRequested;
    }

    /** The workflow was asked to cancel: cancel the root scope. */
    public function requestCancel(): void
    {
        if (!$this->cancelRequested) {
            $this->cancelRequested = true;
            $this->cancelScope($this->root);
        }
    }

    /**
     * Cancels every wait of the Fibers in $scope: timers and conditions wake their Fiber with a
     * CanceledFailure at once; activities are asked to cancel and keep their Fiber waiting for the outcome.
     */
    public function cancelScope(CancellationScope $scope): void
    {
        $scope->cancelled = true;
        $wake = new \SplObjectStorage();
        foreach ($this->pending as $kind => $waits) {
            foreach ($waits as $seq => [, $fiber, $onCancel]) {
                if ($onCancel !== null && $this->scopeOf($fiber)->isWithin($scope) && !$onCancel()) {
                    unset($this->pending[$kind][$seq]);
                    $wake->attach($fiber);
                }
            }
        }
        foreach ($this->conditions as $id => [, $fiber]) {
            if ($this->scopeOf($fiber)->isWithin($scope)) {
                unset($this->conditions[$id]);
                $wake->attach($fiber);
            }
        }
        foreach ($wake as $fiber) {
            $this->ready->enqueue([$fiber, null, CanceledFailure::create('cancelled')]);
        }
    }

    private function scopeOf(\Fiber $fiber): CancellationScope
    {
        return $this->scopes[$fiber] ?? $this->root;
    }

    /** Seeds the run's randomness from the core's u64 seed (PHP's signed int, bit for bit; SplitMix64-expanded). */
    public function reseed(int $seed): void
    {
        $this->randomizer = new \Random\Randomizer(new \Random\Engine\Xoshiro256StarStar($seed));
    }

    public function randomizer(): \Random\Randomizer
    {
        $this->assertMayAct();
        return $this->randomizer;
    }

    public function notifyPatch(string $patchId): void
    {
        $this->notifiedPatches[$patchId] = true;
    }

    /**
     * Replaying, a patch is on only if history has its marker; otherwise it is on, and the marker is recorded.
     * The core's patches are booleans: there is no version number to return.
     */
    public function patched(string $patchId, bool $deprecated): bool
    {
        if (!isset($this->patches[$patchId])) {
            $on = !$this->replaying || isset($this->notifiedPatches[$patchId]);
            if ($on) {
                $this->command(new WorkflowCommand(['set_patch_marker' => new SetPatchMarker([
                    'patch_id' => $patchId,
                    'deprecated' => $deprecated,
                ])]));
            }
            $this->patches[$patchId] = $on;
        }
        return $this->patches[$patchId];
    }

    public function nextSequence(string $kind): int
    {
        return $this->sequences[$kind] = ($this->sequences[$kind] ?? 0) + 1;
    }

    /** @throws \LogicException inside a query, or while the run is being evicted */
    public function command(WorkflowCommand $command): void
    {
        $this->assertMayAct();
        $this->commands[] = $command;
    }

    /**
     * Suspends the calling Fiber until the core resolves ($kind, $seq); returns what $onResolve makes of the
     * resolution (or throws what it throws).
     *
     * @param \Closure(mixed): mixed $onResolve
     * @param ?\Closure(): bool $onCancel emits what cancels the wait; true = keep waiting for the resolution
     */
    public function suspend(string $kind, int $seq, \Closure $onResolve, ?\Closure $onCancel = null): mixed
    {
        $this->assertMayAct();
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('a workflow can only wait inside its own Fiber');
        $resume = function (mixed $resolution) use ($fiber, $onResolve): void {
            try {
                $this->ready->enqueue([$fiber, $onResolve($resolution), null]);
            } catch (\Throwable $e) {
                $this->ready->enqueue([$fiber, null, $e]);
            }
        };
        if (\array_key_exists($seq, $this->early[$kind] ?? [])) {
            $resolution = $this->early[$kind][$seq];
            unset($this->early[$kind][$seq]);
            return $onResolve($resolution);
        }
        $this->pending[$kind][$seq] = [$resume, $fiber, $onCancel];
        // A suspended Fiber's own frame must not hold it, or eviction could not destroy it by releasing it.
        unset($fiber);
        return \Fiber::suspend();
    }

    /** @throws \LogicException the core resolved something nobody waits for: the history does not match */
    public function resolve(string $kind, int $seq, mixed $resolution): void
    {
        // A child's result can come in the same activation as its start, before its Fiber waits for it.
        if ($kind === 'child' && !isset($this->pending[$kind][$seq]) && $seq <= ($this->sequences['child'] ?? 0)) {
            $this->early[$kind][$seq] = $resolution;
            return;
        }
        [$resume] = $this->pending[$kind][$seq] ?? throw new \LogicException(
            "the core resolved $kind #$seq, which this run never started (non-determinism?)"
        );
        unset($this->pending[$kind][$seq]);
        $resume($resolution);
    }

    /** Forgets a wait that will never be resolved (a cancelled timer). */
    public function forget(string $kind, int $seq): void
    {
        unset($this->pending[$kind][$seq]);
    }

    /** Suspends the calling Fiber until $condition is true (checked after every state change). */
    public function waitUntil(\Closure $condition): int
    {
        $this->assertMayAct();
        $id = ++$this->conditionIds;
        $this->conditions[$id] = [$condition, \Fiber::getCurrent()];
        return $id;
    }

    public function dropCondition(int $id): void
    {
        unset($this->conditions[$id]);
    }

    public function isFinished(): bool
    {
        return $this->finished;
    }

    /** Runs a query handler read-only: any command or wait inside it is an error. */
    public function readOnly(\Closure $handler): mixed
    {
        $this->readOnly = true;
        try {
            $fiber = new \Fiber($handler);
            $value = DeterminismGuard::run(fn () => $fiber->start());
            if (!$fiber->isTerminated()) {
                throw new \LogicException('a query handler must not wait (it suspended)');
            }
            return $fiber->getReturn() ?? $value;
        } finally {
            $this->readOnly = false;
        }
    }

    /**
     * Destroys every Fiber: PHP unwinds each one, running its finally blocks, where blessed calls are refused;
     * what such a block throws surfaces where the Fiber's last reference is dropped, so each is released alone.
     */
    public function evict(): void
    {
        $this->evicting = true;
        $fibers = $this->liveFibers();
        [$this->main, $this->pending, $this->conditions, $this->early] = [null, [], [], []];
        [$this->ready, $this->scopes] = [new \SplQueue(), new \WeakMap()];
        self::$current = $this;
        try {
            foreach (array_keys($fibers) as $key) {
                try {
                    unset($fibers[$key]);
                } catch (\Throwable) {
                    // A finally block tried to act during eviction; the run is gone either way.
                }
            }
            try {
                gc_collect_cycles();  // Fibers that workflow code itself kept in a cycle
            } catch (\Throwable) {
            }
        } finally {
            self::$current = null;
        }
    }

    /** @return list<\Fiber> every Fiber of this run that has not finished */
    public function liveFibers(): array
    {
        $fibers = new \SplObjectStorage();
        foreach ([$this->main, ...array_column(array_merge(...array_values($this->pending)), 1),
            ...array_column($this->conditions, 1), ...array_column(iterator_to_array($this->ready), 0)] as $fiber) {
            if ($fiber !== null && !$fiber->isTerminated()) {
                $fibers->attach($fiber);
            }
        }
        return iterator_to_array($fibers, false);
    }

    private function runUntilBlocked(): void
    {
        do {
            while (!$this->finished && !$this->ready->isEmpty()) {
                [$fiber, $value, $error] = $this->ready->dequeue();
                $this->step($fiber, $value, $error);
            }
        } while (!$this->finished && $this->wakeFirstTrueCondition());
    }

    private function step(\Fiber $fiber, mixed $value, ?\Throwable $error): void
    {
        try {
            // Workflow code runs only inside the guard: clock, randomness, sleeps and I/O are refused there,
            // and code that never yields is stopped.
            DeterminismGuard::run(fn () => match (true) {
                !$fiber->isStarted() => $fiber->start(),
                $error !== null => $fiber->throw($error),
                default => $fiber->resume($value),
            });
        } catch (DeadlockException $e) {
            $this->broken = true;
            throw $e;
        } catch (ContinueAsNew $e) {
            $this->finish(new WorkflowCommand(['continue_as_new_workflow_execution' => $e->command]));
            return;
        } catch (\Throwable $e) {
            $this->finish(WorkflowOutcome::failed($e, $this->converter, $this->cancelRequested, $this->failureExceptionTypes));
            return;
        }
        if ($fiber === $this->main && $fiber->isTerminated()) {
            $this->finish(WorkflowOutcome::completed($fiber->getReturn(), $this->converter));
        }
    }

    /** @throws \Throwable a non-Temporal error: fails the workflow task instead of the workflow */
    private function finish(WorkflowCommand $command): void
    {
        $this->commands[] = $command;
        $this->finished = true;
    }

    private function wakeFirstTrueCondition(): bool
    {
        foreach ($this->conditions as $id => [$condition, $fiber]) {
            if ($condition()) {
                unset($this->conditions[$id]);
                $this->ready->enqueue([$fiber, true, null]);
                return true;
            }
        }
        return false;
    }

    /** @throws \LogicException inside a query, during eviction, or after the workflow finished */
    public function assertMayAct(): void
    {
        if ($this->readOnly) {
            throw new \LogicException('a query handler is read-only: it cannot start activities, timers or waits');
        }
        if ($this->evicting) {
            throw new \LogicException('the workflow run is being evicted from the cache; nothing more can be started');
        }
        if ($this->finished) {
            throw new \LogicException('the workflow already finished');
        }
    }
}
