<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * How ScheduleClient::create() creates a schedule, beyond the schedule itself: take an action at once, run
 * backfills, and the memo and search attributes of the schedule (not of the workflows it starts).
 * Immutable: every with*() returns a copy.
 */
final class ScheduleOptions
{
    private bool $triggerImmediately = false;
    /** @var list<ScheduleBackfill> */
    private array $backfills = [];
    /** @var array<string, mixed> */
    private array $memo = [];
    private ?SearchAttributes $searchAttributes = null;

    public static function new(): self
    {
        return new self();
    }

    /** Take one action as soon as the schedule is created, whatever the spec says. */
    public function withTriggerImmediately(bool $trigger = true): self
    {
        $copy = clone $this;
        $copy->triggerImmediately = $trigger;
        return $copy;
    }

    public function withBackfills(ScheduleBackfill ...$backfills): self
    {
        $copy = clone $this;
        $copy->backfills = array_values($backfills);
        return $copy;
    }

    /** @param array<string, mixed> $memo name => value, encoded by the client's data converter */
    public function withMemo(array $memo): self
    {
        $copy = clone $this;
        $copy->memo = $memo;
        return $copy;
    }

    /** Indexed values to find the schedule by (listSchedules()). */
    public function withSearchAttributes(?SearchAttributes $attributes): self
    {
        $copy = clone $this;
        $copy->searchAttributes = $attributes;
        return $copy;
    }

    public function isTriggerImmediately(): bool
    {
        return $this->triggerImmediately;
    }

    /** @return list<ScheduleBackfill> */
    public function getBackfills(): array
    {
        return $this->backfills;
    }

    /** @return array<string, mixed> */
    public function getMemo(): array
    {
        return $this->memo;
    }

    public function getSearchAttributes(): ?SearchAttributes
    {
        return $this->searchAttributes;
    }
}
