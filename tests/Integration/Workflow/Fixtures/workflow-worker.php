<?php

// A PHP worker process running PHP workflows and their PHP activities on one task queue, until SIGTERM.
//   php -d extension=temporal.so workflow-worker.php TASK_QUEUE [MAX_CACHED_WORKFLOWS]
// A cache size of 0 replays every activation from history: the determinism check.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/Workflows.php';
require_once __DIR__ . '/ChildWorkflows.php';
require_once __DIR__ . '/TaskFailureWorkflows.php';
require_once __DIR__ . '/CancellationWorkflows.php';
require_once __DIR__ . '/UpdateAttemptsWorkflow.php';
require_once __DIR__ . '/ScheduledWorkflow.php';
require_once __DIR__ . '/SearchAttributeStepsWorkflow.php';
require_once __DIR__ . '/InfoWorkflows.php';
require_once __DIR__ . '/EagerStart.php';
require_once __DIR__ . '/ClientInWorker.php';
require_once __DIR__ . '/ConventionWorkflows.php';
require_once __DIR__ . '/ActivityCancellationWorkflow.php';
require_once __DIR__ . '/../../TestSearchAttributes.php';

$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')));
$factory = WorkerFactory::create($client);
Fixtures\WorkerClient::$client = $client;
$options = WorkerOptions::new()->withMaxCachedWorkflows((int) ($argv[2] ?? 1000));
$factory->newWorker($argv[1], $options)
    ->registerWorkflowTypes(
        Fixtures\GreetingWorkflow::class,
        Fixtures\TimerWorkflow::class,
        Fixtures\SignalQueryWorkflow::class,
        Fixtures\AwaitTimeoutWorkflow::class,
        Fixtures\FailingWorkflow::class,
        Fixtures\ParallelWorkflow::class,
        Fixtures\RandomWorkflow::class,
        Fixtures\UpdateWorkflow::class,
        Fixtures\CancellableWorkflow::class,
        Fixtures\ScopeCancellationWorkflow::class,
        Fixtures\ParentWorkflow::class,
        Fixtures\StartChildWorkflow::class,
        Fixtures\CountdownWorkflow::class,
        Fixtures\CallsPythonWorkflow::class,
        Fixtures\RuntimeHandlersWorkflow::class,
        Fixtures\LocalActivityWorkflow::class,
        Fixtures\UpsertWorkflow::class,
        Fixtures\BuggyWorkflow::class,
        Fixtures\PatchV1Workflow::class,
        Fixtures\ClockReadingWorkflow::class,
        Fixtures\SpinningWorkflow::class,
        Fixtures\ParentClosePolicyWorkflow::class,
        Fixtures\CancelChildWorkflow::class,
        Fixtures\CancelExternalWorkflow::class,
        Fixtures\SleeperWorkflow::class,
        Fixtures\CancellationProbeWorkflow::class,
        Fixtures\UpdateAttemptsWorkflow::class,
        Fixtures\ScheduledWorkflow::class,
        Fixtures\SearchAttributeStepsWorkflow::class,
        Fixtures\InfoWorkflow::class,
        Fixtures\InfoParentWorkflow::class,
        Fixtures\GatheringWorkflow::class,
        Fixtures\ClientCallingActivitiesWorkflow::class,
        Fixtures\ClientInWorkflowCodeWorkflow::class,
        Fixtures\RefusingUpdateWorkflow::class,
        Fixtures\AbandoningParentWorkflow::class,
        Fixtures\ActivityCancellationWorkflow::class,
    )
    ->registerDynamicWorkflow(Fixtures\DynamicWorkflow::class)
    ->registerActivity(new Fixtures\GreetingActivities())
    ->registerActivity(new Fixtures\ClientActivities($client));
// The same workflows where exceptions of chosen types fail the workflow instead of its task.
$factory->newWorker($argv[1] . '-strict', $options->withWorkflowFailureExceptionTypes(\DomainException::class))
    ->registerWorkflowTypes(Fixtures\BuggyWorkflow::class);
// The patched version of PhpPatch, as a deployment after the change would run it.
$factory->newWorker($argv[1] . '-v2', $options)->registerWorkflowTypes(Fixtures\PatchV2Workflow::class)
    ->registerActivity(new Fixtures\GreetingActivities());
// Its own identity: a history then tells a task this worker polled from one the client's eager start handed it.
$factory->newWorker($argv[1] . '-eager', $options->withIdentity('php-eager-worker'))
    ->registerWorkflowTypes(Fixtures\StartEagerlyWorkflow::class, Fixtures\GreetingWorkflow::class)
    ->registerActivity(new Fixtures\GreetingActivities())
    ->registerActivity(new Fixtures\EagerStartActivities($client));
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
