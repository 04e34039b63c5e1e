<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Exception\Failure\CanceledFailure;

/**
 * What the Fibers of one run wait for: resolutions from the core (by kind and sequence number) and
 * conditions. Resolving or cancelling a wait only queues its Fiber; Fibers run later, in queue order.
 *
 * @internal
 */
final class Waits
{
    /** @var array<string, array<int, PendingWait>> kind => seq => wait */
    private array $pending = [];
    /** @var array<string, array<int, mixed>> resolutions that arrived before their wait (a child's result) */
    private array $early = [];
    /** @var array<int, array{\Closure(): bool, \Fiber, bool}> id => [condition, Fiber, cancellable] */
    private array $conditions = [];
    private int $conditionIds = 0;

    /**
     * @param \Closure(\Fiber, mixed, ?\Throwable): void $wake queues a Fiber with a value or an error
     */
    public function __construct(private readonly \Closure $wake, private readonly FiberScopes $scopes)
    {
    }

    public function add(string $kind, int $seq, PendingWait $wait): void
    {
        $this->pending[$kind][$seq] = $wait;
    }

    public function isPending(string $kind, int $seq): bool
    {
        return isset($this->pending[$kind][$seq]);
    }

    /** @return array{bool, mixed} whether a resolution came before its wait, and that resolution */
    public function takeEarly(string $kind, int $seq): array
    {
        if (!\array_key_exists($seq, $this->early[$kind] ?? [])) {
            return [false, null];
        }
        $resolution = $this->early[$kind][$seq];
        unset($this->early[$kind][$seq]);
        return [true, $resolution];
    }

    public function keepEarly(string $kind, int $seq, mixed $resolution): void
    {
        $this->early[$kind][$seq] = $resolution;
    }

    /** @throws \LogicException the core resolved something nobody waits for: the history does not match */
    public function resolve(string $kind, int $seq, mixed $resolution): void
    {
        $wait = $this->pending[$kind][$seq] ?? throw new \LogicException(
            "the core resolved $kind #$seq, which this run never started (non-determinism?)"
        );
        unset($this->pending[$kind][$seq]);
        try {
            ($this->wake)($wait->fiber, ($wait->onResolve)($resolution), null);
        } catch (\Throwable $e) {
            ($this->wake)($wait->fiber, null, $e);
        }
    }

    /** Forgets a wait that will never be resolved (a cancelled timer). */
    public function forget(string $kind, int $seq): void
    {
        unset($this->pending[$kind][$seq]);
    }

    /**
     * Issues the cancellation of one wait, once. True when the wait ended with it (a timer: nothing more
     * will come); false when it goes on until the core resolves it (an activity, a child) or cannot be
     * cancelled at all.
     */
    public function cancel(string $kind, int $seq): bool
    {
        $wait = $this->pending[$kind][$seq] ?? null;
        if ($wait === null || $wait->onCancel === null || $wait->cancelling) {
            return false;
        }
        $wait->cancelling = true;
        if (($wait->onCancel)()) {
            return false;
        }
        unset($this->pending[$kind][$seq]);
        return true;
    }

    /** Suspends nothing: records that $fiber waits until $condition is true. */
    public function addCondition(\Closure $condition, \Fiber $fiber, bool $cancellable): int
    {
        $id = ++$this->conditionIds;
        $this->conditions[$id] = [$condition, $fiber, $cancellable];
        return $id;
    }

    public function dropCondition(int $id): void
    {
        unset($this->conditions[$id]);
    }

    /** Wakes the waiter of the first true condition (in registration order); false if none is true. */
    public function wakeFirstTrueCondition(): bool
    {
        foreach ($this->conditions as $id => [$condition, $fiber]) {
            if ($condition()) {
                unset($this->conditions[$id]);
                ($this->wake)($fiber, true, null);
                return true;
            }
        }
        return false;
    }

    /**
     * Cancels every wait of the Fibers within $scope: timers and conditions end with a CanceledFailure at
     * once; activities and children are asked to cancel and their Fibers wait for the core's resolution.
     * Fibers already queued (their wait resolved) are not touched: they see the cancellation at their next wait.
     */
    public function cancelScope(CancellationScope $scope): void
    {
        $ended = new \SplObjectStorage();
        foreach ($this->pending as $kind => $waits) {
            foreach ($waits as $seq => $wait) {
                if ($this->scopes->of($wait->fiber)->isWithin($scope) && $this->cancel($kind, $seq)) {
                    $ended->attach($wait->fiber);
                }
            }
        }
        foreach ($this->conditions as $id => [, $fiber, $cancellable]) {
            if ($cancellable && $this->scopes->of($fiber)->isWithin($scope)) {
                unset($this->conditions[$id]);
                $ended->attach($fiber);
            }
        }
        foreach ($ended as $fiber) {
            ($this->wake)($fiber, null, CanceledFailure::create('cancelled'));
        }
    }

    /** @return list<\Fiber> every waiting Fiber (a Fiber may appear twice) */
    public function fibers(): array
    {
        $fibers = array_column($this->conditions, 1);
        foreach ($this->pending as $waits) {
            foreach ($waits as $wait) {
                $fibers[] = $wait->fiber;
            }
        }
        return $fibers;
    }

    public function clear(): void
    {
        [$this->pending, $this->early, $this->conditions] = [[], [], []];
    }
}
