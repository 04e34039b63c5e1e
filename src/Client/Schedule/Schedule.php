<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

/**
 * A schedule: what it does (the action), when (the spec), how (the policies), and whether it is paused (the
 * state). Immutable: every with*() returns a copy.
 */
final class Schedule
{
    private SchedulePolicies $policies;
    private ScheduleState $state;

    private function __construct(private ScheduleAction $action, private ScheduleSpec $spec)
    {
        $this->policies = SchedulePolicies::new();
        $this->state = ScheduleState::new();
    }

    public static function new(ScheduleAction $action, ScheduleSpec $spec): self
    {
        return new self($action, $spec);
    }

    public function withAction(ScheduleAction $action): self
    {
        $copy = clone $this;
        $copy->action = $action;
        return $copy;
    }

    public function withSpec(ScheduleSpec $spec): self
    {
        $copy = clone $this;
        $copy->spec = $spec;
        return $copy;
    }

    public function withPolicies(SchedulePolicies $policies): self
    {
        $copy = clone $this;
        $copy->policies = $policies;
        return $copy;
    }

    public function withState(ScheduleState $state): self
    {
        $copy = clone $this;
        $copy->state = $state;
        return $copy;
    }

    public function getAction(): ScheduleAction
    {
        return $this->action;
    }

    public function getSpec(): ScheduleSpec
    {
        return $this->spec;
    }

    public function getPolicies(): SchedulePolicies
    {
        return $this->policies;
    }

    public function getState(): ScheduleState
    {
        return $this->state;
    }
}
