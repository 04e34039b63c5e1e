<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

/**
 * How many tasks of each kind a worker runs at once, for WorkerOptions::withTuner(): a SlotSupplier per kind
 * (workflow tasks, activities, local activities; a kind left out keeps the worker options' fixed maximum),
 * and, when one is resource-based, the memory and CPU use (0 to 1 of the machine's) the core aims to stay
 * under. Immutable.
 */
final class WorkerTuner
{
    private ?SlotSupplier $workflowSlots = null;
    private ?SlotSupplier $activitySlots = null;
    private ?SlotSupplier $localActivitySlots = null;
    /** @var array{float, float}|null */
    private ?array $targets = null;

    public static function new(): self
    {
        return new self();
    }

    /** Every kind resource-based, with the core's per-kind defaults (a workflow-task minimum of 2, no ramp). */
    public static function resourceBased(float $targetMemoryUsage, float $targetCpuUsage): self
    {
        return self::new()->withResourceTargets($targetMemoryUsage, $targetCpuUsage)
            ->withWorkflowSlots(SlotSupplier::resourceBased(minSlots: 2, rampThrottleSeconds: 0.0))
            ->withActivitySlots(SlotSupplier::resourceBased())
            ->withLocalActivitySlots(SlotSupplier::resourceBased());
    }

    public function withWorkflowSlots(SlotSupplier $slots): self
    {
        return $this->with('workflowSlots', $slots);
    }

    public function withActivitySlots(SlotSupplier $slots): self
    {
        return $this->with('activitySlots', $slots);
    }

    public function withLocalActivitySlots(SlotSupplier $slots): self
    {
        return $this->with('localActivitySlots', $slots);
    }

    /** @throws \ValueError a target is not above 0 and at most 1 */
    public function withResourceTargets(float $targetMemoryUsage, float $targetCpuUsage): self
    {
        foreach (['memory' => $targetMemoryUsage, 'CPU' => $targetCpuUsage] as $what => $target) {
            if (!($target > 0 && $target <= 1)) {
                throw new \ValueError("WorkerTuner::withResourceTargets(): the $what target must be above 0 and at most 1, got $target");
            }
        }
        return $this->with('targets', [$targetMemoryUsage, $targetCpuUsage]);
    }

    /**
     * @internal the most slots of each kind: [workflow tasks, activities, local activities], given the
     *     worker options' fixed maximums for the kinds left out
     * @return array{int, int, int}
     */
    public function maxSlots(int $workflowTasks, int $activities, int $localActivities): array
    {
        return [$this->workflowSlots?->maxSlots() ?? $workflowTasks, $this->activitySlots?->maxSlots() ?? $activities,
            $this->localActivitySlots?->maxSlots() ?? $localActivities];
    }

    /**
     * @internal the "tuner" of the worker options document
     * @param array{int, int, int} $fixed the worker options' maximums, for the kinds left out
     * @return array<string, mixed>
     * @throws \LogicException a kind is resource-based but no resource targets are set
     */
    public function toArray(array $fixed, ?int $activityCap): array
    {
        $kinds = [$this->workflowSlots, $this->activitySlots, $this->localActivitySlots];
        foreach ($kinds as $i => $slots) {
            $kinds[$i] = $slots ?? SlotSupplier::fixed($fixed[$i]);
        }
        $resourceBased = array_filter($kinds, static fn (SlotSupplier $s): bool => $s->isResourceBased()) !== [];
        if ($resourceBased && $this->targets === null) {
            throw new \LogicException('WorkerTuner: resource-based slots need withResourceTargets()');
        }
        return ['workflow_slots' => $kinds[0]->toArray(), 'activity_slots' => $kinds[1]->toArray($activityCap),
            'local_activity_slots' => $kinds[2]->toArray(), 'target_memory_usage' => $this->targets[0] ?? null,
            'target_cpu_usage' => $this->targets[1] ?? null];
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }
}
