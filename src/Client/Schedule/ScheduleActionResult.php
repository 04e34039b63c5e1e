<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Client\WorkflowExecution;

/** One action a schedule took: when it was due, when it ran, and the workflow it started. */
final class ScheduleActionResult
{
    /** @internal made from the server's description */
    public function __construct(
        private ?\DateTimeImmutable $scheduledAt,
        private ?\DateTimeImmutable $startedAt,
        private WorkflowExecution $workflow,
    ) {
    }

    /** The time the spec (or the trigger or backfill) set for the action. */
    public function getScheduledAt(): ?\DateTimeImmutable
    {
        return $this->scheduledAt;
    }

    /** The time the action actually ran (later by jitter, buffering or downtime). */
    public function getStartedAt(): ?\DateTimeImmutable
    {
        return $this->startedAt;
    }

    /** The workflow the action started (with its run id). */
    public function getWorkflow(): WorkflowExecution
    {
        return $this->workflow;
    }
}
