<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

/**
 * How a worker hands out the slots of one kind of task (workflow tasks, activities, local activities), in a
 * WorkerTuner: a fixed number, or as many as the machine's memory and CPU use allow (the core's resource-based
 * supplier: at least $minSlots, at most $maxSlots, a new one past the minimum at most every
 * $rampThrottleSeconds, while memory and CPU use stay under the tuner's targets).
 */
final class SlotSupplier
{
    private const MAX_SLOTS = 100_000;

    private function __construct(private readonly int $slots, private readonly ?array $resourceBased)
    {
    }

    /** @throws \ValueError $slots is not 1 to 100,000 */
    public static function fixed(int $slots): self
    {
        self::check('fixed(): the number of slots', $slots, 1, self::MAX_SLOTS);
        return new self($slots, null);
    }

    /**
     * Each running task keeps a Fiber, and a PHP process affords some 16,000 suspended ones (WorkerFactory
     * checks the sum): hence a default maximum of 1,000, not the core's 10,000.
     *
     * @throws \ValueError a bound is out of range: 0 ≤ minimum ≤ maximum ≤ 100,000, 1 ≤ maximum, ramp 0 to 3,600 s
     */
    public static function resourceBased(int $minSlots = 1, int $maxSlots = 1000, float $rampThrottleSeconds = 0.05): self
    {
        self::check('resourceBased(): the minimum', $minSlots, 0, self::MAX_SLOTS);
        self::check('resourceBased(): the maximum', $maxSlots, max(1, $minSlots), self::MAX_SLOTS);
        if (!($rampThrottleSeconds >= 0 && $rampThrottleSeconds <= 3600)) {
            throw new \ValueError("SlotSupplier::resourceBased(): the ramp throttle must be 0 to 3600 seconds, got $rampThrottleSeconds");
        }
        return new self($maxSlots, ['min_slots' => $minSlots, 'max_slots' => $maxSlots,
            'ramp_throttle_ms' => (int) round($rampThrottleSeconds * 1000)]);
    }

    public function isResourceBased(): bool
    {
        return $this->resourceBased !== null;
    }

    /** The most slots it hands out. */
    public function maxSlots(): int
    {
        return $this->slots;
    }

    /**
     * @internal its part of the worker options document, at most $cap slots (a process pool's size)
     * @return array<string, mixed>
     */
    public function toArray(?int $cap = null): array
    {
        $limit = static fn (int $n): int => $cap === null ? $n : min($n, $cap);
        if ($this->resourceBased === null) {
            return ['fixed' => $limit($this->slots)];
        }
        $document = ['max_slots' => $limit($this->resourceBased['max_slots'])] + $this->resourceBased;
        $document['min_slots'] = min($document['min_slots'], $document['max_slots']);
        return ['resource_based' => $document];
    }

    private static function check(string $what, int $value, int $min, int $max): void
    {
        if ($value < $min || $value > $max) {
            throw new \ValueError("SlotSupplier::$what must be $min to $max, got $value");
        }
    }
}
