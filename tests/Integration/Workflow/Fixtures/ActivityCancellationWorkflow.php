<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityCancellationType;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * Runs GreetingActivities::awaitCancel, remote or local, with a cancellation type (null: the options' default),
 * cancels its branch when signalled "cancel", and returns what the wait gave: "result: ..." or the class
 * chain of what it threw.
 */
#[WorkflowInterface]
final class ActivityCancellationWorkflow
{
    private bool $cancel = false;

    #[WorkflowMethod(name: 'PhpActivityCancellation')]
    public function run(?int $type, bool $local, string $startedFile, bool $ignore): string
    {
        $args = [$startedFile, $ignore];
        $options = $local
            ? LocalActivityOptions::new()->withStartToCloseTimeout(20)
            : ActivityOptions::new()->withStartToCloseTimeout(60)->withHeartbeatTimeout(20);
        if ($type !== null) {
            $options = $options->withCancellationType(ActivityCancellationType::from($type));
        }
        $activity = Workflow::async(fn (): string => $local
            ? Workflow::executeLocalActivity('wf.awaitCancel', $args, $options)
            : Workflow::executeActivity('wf.awaitCancel', $args, $options));
        Workflow::await(fn (): bool => $this->cancel);
        $activity->cancel();
        try {
            return 'result: ' . $activity->await();
        } catch (\Throwable $e) {
            for ($chain = []; $e !== null; $e = $e->getPrevious()) {
                $chain[] = (new \ReflectionClass($e))->getShortName();
            }
            return implode('<', $chain);
        }
    }

    #[SignalMethod]
    public function cancel(): void
    {
        $this->cancel = true;
    }
}
