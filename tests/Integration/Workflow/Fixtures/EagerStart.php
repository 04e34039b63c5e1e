<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Starts PhpGreeting through the worker's own client, so an eager start finds this worker on the connection. */
#[ActivityInterface(prefix: 'eager.')]
final class EagerStartActivities
{
    public function __construct(private Client $client)
    {
    }

    /** @return array{string, ?string} the started workflow's id and run id */
    public function start(bool $eager): array
    {
        // A task handed out and then dropped would wait an hour: the test would time out, not pass.
        $options = WorkflowOptions::new()->withTaskQueue(Activity::getInfo()->taskQueue)
            ->withWorkflowId(Activity::getInfo()->workflowId . '-greeting')
            ->withWorkflowTaskTimeout(3600)->withEagerStart($eager);
        $handle = $this->client->start('PhpGreeting', ['eager'], $options);
        return [$handle->getId(), $handle->getRunId()];
    }
}

#[WorkflowInterface]
final class StartEagerlyWorkflow
{
    #[WorkflowMethod(name: 'PhpStartEagerly')]
    public function run(bool $eager): array
    {
        return Workflow::executeActivity('eager.start', [$eager],
            ActivityOptions::new()->withStartToCloseTimeout(60));
    }
}
