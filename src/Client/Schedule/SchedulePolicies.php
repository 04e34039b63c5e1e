<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * How a schedule handles overlapping workflows, actions it missed while the server was down, and failures.
 * Immutable: every with*() returns a copy.
 */
final class SchedulePolicies
{
    private ScheduleOverlapPolicy $overlap = ScheduleOverlapPolicy::Unspecified;
    private float $catchupWindow = 0.0;
    private bool $pauseOnFailure = false;

    public static function new(): self
    {
        return new self();
    }

    /** What to do when an action is due while an earlier workflow runs (default Skip). */
    public function withOverlap(ScheduleOverlapPolicy $overlap): self
    {
        $copy = clone $this;
        $copy->overlap = $overlap;
        return $copy;
    }

    /**
     * How late a missed action may still run (after the server was unavailable); 0: the server's default
     * (1 year), minimum 10 s.
     *
     * @throws \ValueError $window is negative
     */
    public function withCatchupWindow(\DateInterval|int|float $window): self
    {
        $copy = clone $this;
        $copy->catchupWindow = ProtoTime::seconds($window, 'SchedulePolicies::withCatchupWindow()');
        return $copy;
    }

    /** Pause the schedule when a workflow it started fails (or times out). */
    public function withPauseOnFailure(bool $pauseOnFailure = true): self
    {
        $copy = clone $this;
        $copy->pauseOnFailure = $pauseOnFailure;
        return $copy;
    }

    public function getOverlap(): ScheduleOverlapPolicy
    {
        return $this->overlap;
    }

    /** In seconds; 0: the server's default. */
    public function getCatchupWindow(): float
    {
        return $this->catchupWindow;
    }

    public function isPauseOnFailure(): bool
    {
        return $this->pauseOnFailure;
    }
}
