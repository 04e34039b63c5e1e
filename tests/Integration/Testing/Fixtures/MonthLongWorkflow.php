<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Testing\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Waits up to 30 days for an approval: the time-skipping test's workflow. */
#[WorkflowInterface]
final class MonthLongWorkflow
{
    public const DAYS = 30;

    private bool $approved = false;

    /** @return array{approved: bool, waited: int} the seconds of workflow time it waited */
    #[WorkflowMethod(name: 'MonthLong')]
    public function run(): array
    {
        $start = Workflow::now();
        Workflow::await(fn (): bool => $this->approved, self::DAYS * 86400);
        return ['approved' => $this->approved, 'waited' => Workflow::now()->getTimestamp() - $start->getTimestamp()];
    }

    #[SignalMethod(name: 'approve')]
    public function approve(): void
    {
        $this->approved = true;
    }
}
