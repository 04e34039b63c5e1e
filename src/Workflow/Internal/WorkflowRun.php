<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\DeterminismGuard;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
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
    private Waits $waits;
    public readonly FiberScopes $scopes;
    private bool $cancelRequested = false;
    /** @var array<string, int> */
    private array $sequences = [];
    /** @var list<WorkflowCommand> */
    private array $commands = [];
    private bool $finished = false;
    /** A Fiber of this run was stopped for never yielding: nothing of it may run again before eviction. */
    private bool $broken = false;
    private ReplaySafeLogger $log;
    private bool $evicting = false;
    private bool $readOnly = false;
    private \DateTimeImmutable $now;
    private bool $replaying = false;
    private \Random\Randomizer $randomizer;
    public readonly Patches $patches;
    public readonly InternalFlags $flags;

    public function __construct(
        public readonly WorkflowDefinition $definition,
        public readonly WorkflowInfo $info,
        public readonly DataConverter $converter,
        /** @var list<class-string<\Throwable>> */
        private readonly array $failureExceptionTypes = [],
        ?\Psr\Log\LoggerInterface $logger = null,
        public readonly WorkflowInterceptors $interceptors = new WorkflowInterceptors(),
        public readonly ?CommandLog $commandLog = null,  // the explainer's record; null when it is turned off
    ) {
        $this->ready = new \SplQueue();
        $this->scopes = new FiberScopes();
        $this->waits = new Waits(
            fn (\Fiber $fiber, mixed $value, ?\Throwable $error) => $this->ready->enqueue([$fiber, $value, $error]),
            $this->scopes,
        );
        $this->now = new \DateTimeImmutable('@0');
        $this->context = new WorkflowContext($this);
        $this->handlers = new Handlers();
        $this->flags = new InternalFlags();
        $this->patches = new Patches();
        $this->log = new ReplaySafeLogger($this, $logger);
        $this->jobs = new JobApplier($this->handlers);
        $this->instance = new ($definition->class)();
        $this->reseed(0);
    }

    /** Whether workflow code (a run's activation or query) is running now. */
    public static function isExecuting(): bool
    {
        return self::$current !== null;
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
        $this->info->historySizeBytes = (int) $activation->getHistorySizeBytes();
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
            $this->log->flush();
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
    public function logger(): ReplaySafeLogger
    {
        return $this->log;
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
        $this->main = $this->startHandler($body, $this->scopes->root);
    }

    /** Queues a Fiber in $scope (default: the caller's scope, or the root for handlers). */
    public function startHandler(\Closure $body, ?CancellationScope $scope = null): \Fiber
    {
        $fiber = new \Fiber($body);
        $this->scopes->assign($fiber, $scope ?? $this->scopes->current());
        $this->ready->enqueue([$fiber, null, null]);
        return $fiber;
    }

    public function isCancelRequested(): bool
    {
        return $this->cancelRequested;
    }

    /** Whether $error fails the workflow or an update (true) or the workflow task (false). */
    public function failsWorkflow(\Throwable $error): bool
    {
        return WorkflowOutcome::failsWorkflow($error, $this->failureExceptionTypes);
    }

    /** The workflow was asked to cancel: cancel the root scope. */
    public function requestCancel(): void
    {
        if (!$this->cancelRequested) {
            $this->cancelRequested = true;
            $this->cancelScope($this->scopes->root);
        }
    }

    /** Cancels $scope and what is within it: waits end or are asked to cancel; later waits fail at once. */
    public function cancelScope(CancellationScope $scope): void
    {
        $scope->cancelled = true;
        $this->waits->cancelScope($scope);
    }

    /** @throws CanceledFailure the calling Fiber's scope was cancelled: a wait it would start ends before it begins */
    public function throwIfCancelled(): void
    {
        if ($this->scopes->current()->isCancelled()) {
            throw CanceledFailure::create('cancelled');
        }
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

    public function nextSequence(string $kind): int
    {
        return $this->sequences[$kind] = ($this->sequences[$kind] ?? 0) + 1;
    }

    /** @throws \LogicException inside a query, or while the run is being evicted */
    public function command(WorkflowCommand $command): void
    {
        $this->assertMayAct();
        $this->commands[] = $command;
        $this->commandLog?->record($command);
    }

    /**
     * Suspends the calling Fiber until the core resolves ($kind, $seq); returns what $onResolve makes of the
     * resolution (or throws what it throws). In a cancelled scope the wait is cancelled as it starts.
     * @param \Closure(mixed): mixed $onResolve
     * @param ?\Closure(): bool $onCancel emits what cancels the wait; true = keep waiting for the resolution
     * @throws CanceledFailure the wait was cancelled and ended without a resolution
     */
    public function suspend(string $kind, int $seq, \Closure $onResolve, ?\Closure $onCancel = null): mixed
    {
        $this->assertMayAct();
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('a workflow can only wait inside its own Fiber');
        [$early, $resolution] = $this->waits->takeEarly($kind, $seq);
        if ($early) {
            return $onResolve($resolution);
        }
        $this->waits->add($kind, $seq, new PendingWait($fiber, $onResolve, $onCancel));
        if ($this->scopes->of($fiber)->isCancelled() && $this->waits->cancel($kind, $seq)) {
            throw CanceledFailure::create('cancelled');
        }
        // A suspended Fiber's own frame must not hold it, or eviction could not destroy it by releasing it.
        unset($fiber);
        return \Fiber::suspend();
    }

    /** @throws \LogicException the core resolved something nobody waits for: the history does not match */
    public function resolve(string $kind, int $seq, mixed $resolution): void
    {
        // A child's result can come in the same activation as its start, before its Fiber waits for it.
        if ($kind === 'child' && !$this->waits->isPending($kind, $seq) && $seq <= ($this->sequences['child'] ?? 0)) {
            $this->waits->keepEarly($kind, $seq, $resolution);
            return;
        }
        $this->waits->resolve($kind, $seq, $resolution);
    }

    /** Forgets a wait that will never be resolved (a cancelled timer). */
    public function forget(string $kind, int $seq): void
    {
        $this->waits->forget($kind, $seq);
    }

    /**
     * Records that the calling Fiber waits until $condition is true (checked after every state change); the
     * caller then suspends. A cancellable wait ends with a CanceledFailure when its scope is cancelled.
     */
    public function waitUntil(\Closure $condition, bool $cancellable = true): int
    {
        $this->assertMayAct();
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('a workflow can only wait inside its own Fiber');
        return $this->waits->addCondition($condition, $fiber, $cancellable);
    }

    public function dropCondition(int $id): void
    {
        $this->waits->dropCondition($id);
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
        $this->waits->clear();
        $this->scopes->clear();
        [$this->main, $this->ready] = [null, new \SplQueue()];
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
        foreach ([$this->main, ...$this->waits->fibers(), ...array_column(iterator_to_array($this->ready), 0)] as $fiber) {
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
        } while (!$this->finished && $this->waits->wakeFirstTrueCondition());
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

    private function finish(WorkflowCommand $command): void
    {
        $this->command($command);
        $this->finished = true;
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
