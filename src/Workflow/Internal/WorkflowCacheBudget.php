<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Core\Runtime;

/**
 * The workflow cache's byte cap (WorkerOptions::withMaxCachedWorkflowBytes()): what each cached run is
 * estimated to hold, in least-recently-used order, and which runs to evict so the rest fit.
 *
 * A run's estimate is the Zend heap it kept across its activations (memory_get_usage() before and after each,
 * its creation included): cheap, and what the run's objects, strings and Fibers' frames take. Fiber stacks
 * (mmap'ed, not in the heap) and the core's copy of the run are not in it. The evictions go through the core,
 * which evicts the run and sends its eviction activation; the estimate is dropped then.
 *
 * @internal
 */
final class WorkflowCacheBudget
{
    /** @var array<string, int> run id => estimated bytes, least recently used first */
    private array $bytes = [];
    /** @var array<string, true> runs whose eviction was asked for and has not arrived */
    private array $evicting = [];
    private int $total = 0;
    private int $lastTrimNs = 0;

    public function __construct(public readonly int $maxBytes)
    {
    }

    /** Adds what an activation of $runId left in the heap ($growth may be negative) and marks the run most recent. */
    public function record(string $runId, int $growth): void
    {
        $old = $this->bytes[$runId] ?? 0;
        $new = max(0, $old + $growth);
        unset($this->bytes[$runId]);
        $this->bytes[$runId] = $new;
        $this->total += $new - $old;
    }

    /**
     * The least recently used runs to evict for the others to fit under the cap, each named once. The most
     * recently used run is never named: a run larger than the whole cap stays cached alone rather than being
     * replayed from history on every task.
     *
     * @return array<string, int> run id => its estimate
     */
    public function overflow(): array
    {
        $excess = $this->total - $this->maxBytes;
        foreach (array_keys($this->evicting) as $runId) {
            $excess -= $this->bytes[$runId] ?? 0;
        }
        $victims = [];
        $candidates = \array_slice($this->bytes, 0, -1, true);
        foreach ($candidates as $runId => $bytes) {
            if ($excess <= 0) {
                break;
            }
            if (!isset($this->evicting[$runId])) {
                $victims[$runId] = $bytes;
                $this->evicting[$runId] = true;
                $excess -= $bytes;
            }
        }
        return $victims;
    }

    /** The run left the cache (evicted for whatever reason): its estimate is dropped. */
    public function forget(string $runId): ?int
    {
        $bytes = $this->bytes[$runId] ?? null;
        $this->total -= $bytes ?? 0;
        unset($this->bytes[$runId], $this->evicting[$runId]);
        return $bytes;
    }

    public function totalBytes(): int
    {
        return $this->total;
    }

    /**
     * Gives the C allocator's free memory back to the system (Runtime::trimMemory()), at most every 100 ms: the
     * core's state for evicted runs stays in glibc's arenas otherwise (bench/results/memory.md: 1,000 evicted runs
     * left 38 MiB there), and a trim walks every arena, so a burst of evictions pays for one.
     */
    public function trimAllocator(): void
    {
        $now = hrtime(true);
        if ($now - $this->lastTrimNs >= 100_000_000) {
            $this->lastTrimNs = $now;
            Runtime::trimMemory();
        }
    }
}
