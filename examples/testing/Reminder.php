<?php

declare(strict_types=1);

namespace Example\Testing;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Reminds a customer in 30 days, unless they renew first. */
#[WorkflowInterface]
final class ReminderWorkflow
{
    private bool $renewed = false;

    #[WorkflowMethod(name: 'Reminder')]
    public function run(string $customer): string
    {
        if (Workflow::await(fn (): bool => $this->renewed, 30 * 86400)) {
            return "$customer renewed";
        }
        return Workflow::executeActivity('Reminders.send', [[$customer]],
            ActivityOptions::new()->withStartToCloseTimeout(60)->withHeartbeatTimeout(10));
    }

    #[SignalMethod(name: 'renew')]
    public function renew(): void
    {
        $this->renewed = true;
    }
}

#[ActivityInterface(prefix: 'Reminders.')]
final class Reminders
{
    /**
     * Sends one mail per customer, heartbeating its progress so a retry resumes after the last one sent.
     *
     * @param list<string> $customers
     */
    #[ActivityMethod(name: 'send')]
    public function send(array $customers): string
    {
        $sent = (int) (Activity::getHeartbeatDetails() ?? 0);
        for (; $sent < \count($customers); $sent++) {
            // mail($customers[$sent], ...) would go here
            Activity::heartbeat($sent + 1);
        }
        return "reminded $sent";
    }
}
