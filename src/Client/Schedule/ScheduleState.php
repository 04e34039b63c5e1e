<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * Whether a schedule is paused (and the note saying why), and how many actions it may still take when they
 * are limited. Immutable: every with*() returns a copy.
 */
final class ScheduleState
{
    private bool $paused = false;
    private string $note = '';
    private ?int $remainingActions = null;

    public static function new(): self
    {
        return new self();
    }

    /** @param string $note why; shown with the schedule */
    public function withPaused(bool $paused, string $note = ''): self
    {
        $copy = clone $this;
        $copy->paused = $paused;
        $copy->note = $note;
        return $copy;
    }

    /**
     * Take at most this many more actions (triggers and backfills do not count); null: no limit.
     *
     * @throws \ValueError $remaining is negative
     */
    public function withRemainingActions(?int $remaining): self
    {
        if ($remaining !== null && $remaining < 0) {
            throw new \ValueError('ScheduleState: the remaining actions must not be negative');
        }
        $copy = clone $this;
        $copy->remainingActions = $remaining;
        return $copy;
    }

    public function isPaused(): bool
    {
        return $this->paused;
    }

    public function getNote(): string
    {
        return $this->note;
    }

    public function hasLimitedActions(): bool
    {
        return $this->remainingActions !== null;
    }

    /** null: no limit. */
    public function getRemainingActions(): ?int
    {
        return $this->remainingActions;
    }
}
