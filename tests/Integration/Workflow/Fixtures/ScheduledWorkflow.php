<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Reports the schedule that started it, as the workflow sees it. */
#[WorkflowInterface]
final class ScheduledWorkflow
{
    /** @return ?array{string, string} the schedule id and the scheduled time (ISO 8601), or null */
    #[WorkflowMethod(name: 'PhpScheduledBy')]
    public function run(): ?array
    {
        $scheduledBy = Workflow::getScheduledBy();
        if ($scheduledBy === null) {
            return null;
        }
        return [$scheduledBy->getScheduleId(), $scheduledBy->getScheduledTime()?->format(\DATE_ATOM) ?? ''];
    }
}
