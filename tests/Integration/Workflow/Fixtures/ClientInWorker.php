<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

// Code inside a worker that uses the worker's own client.

/** The worker's client, for the workflow that (wrongly) calls it. */
final class WorkerClient
{
    public static ?Client $client = null;
}

#[ActivityInterface(prefix: 'client.')]
final class ClientActivities
{
    public function __construct(private Client $client)
    {
    }

    /** Joins the gathering: returns only once every expected member has joined (an update that waits). */
    public function join(string $gatheringId): int
    {
        return $this->client->getHandle($gatheringId)->update('join');
    }
}

#[WorkflowInterface]
final class GatheringWorkflow
{
    private int $joined = 0;

    #[WorkflowMethod(name: 'PhpGathering')]
    public function run(int $expected): int
    {
        Workflow::await(fn () => $this->joined >= $expected && Workflow::allHandlersFinished());
        return $this->joined;
    }

    /** Completes only when $expected members are in: every caller must be waiting at the same time. */
    #[UpdateMethod(name: 'join')]
    public function join(): int
    {
        $this->joined++;
        $expected = Workflow::getInfo()->getMemoValue('expected', 'int');
        Workflow::await(fn () => $this->joined >= $expected);
        return $this->joined;
    }
}

#[WorkflowInterface]
final class ClientCallingActivitiesWorkflow
{
    /** Runs $count ClientActivities::join at once; each calls the client from its activity Fiber. */
    #[WorkflowMethod(name: 'PhpClientCallingActivities')]
    public function run(string $gatheringId, int $count): array
    {
        $options = ActivityOptions::new()->withStartToCloseTimeout(120);
        $calls = [];
        for ($i = 0; $i < $count; $i++) {
            $calls[] = Workflow::async(fn () => Workflow::executeActivity('client.join', [$gatheringId], $options, 'int'));
        }
        return Workflow::awaitAll($calls);
    }
}

#[WorkflowInterface]
final class ClientInWorkflowCodeWorkflow
{
    #[WorkflowMethod(name: 'PhpClientInWorkflowCode')]
    public function run(): int
    {
        return WorkerClient::$client?->countWorkflows() ?? -1;
    }
}
