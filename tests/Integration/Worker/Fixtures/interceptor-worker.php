<?php

// A PHP worker process for the activity-interceptor tests, on TASK_QUEUE until SIGTERM. EXECUTOR "fibers":
// the recording interceptor on the client, the others on the worker, and the workflow IcptLocal, which
// runs "icpt.addOne" as a local activity; "pool": a ProcessPoolActivityExecutor whose bootstrap adds the
// interceptors in each process (the client's and worker's, the same here, stay in the worker process).
//   INTERCEPTOR_LOG=FILE php -d extension=temporal.so interceptor-worker.php EXECUTOR TASK_QUEUE

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;
use TrueAsync\Temporal\Worker\ProcessPoolActivityExecutor;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

$fixture = require __DIR__ . '/interceptor-activities.php';

#[WorkflowInterface]
final class InterceptedLocalActivityWorkflow
{
    #[WorkflowMethod(name: 'IcptLocal')]
    public function run(int $n): array
    {
        return Workflow::executeLocalActivity('icpt.addOne', [$n, 'local'],
            LocalActivityOptions::new()->withStartToCloseTimeout(10));
    }
}

[, $executor, $queue] = $argv + ['', '', ''];
[$recording, $changing, $refusing] = $fixture['interceptors']();
$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')))->withInterceptors($recording);
$factory = WorkerFactory::create($client);
$options = WorkerOptions::new()->withInterceptors($changing, $refusing)->withMaxHeartbeatThrottleInterval(0.5)
    ->withDefaultHeartbeatThrottleInterval(0.5);
if ($executor === 'pool') {
    $options = $options->withActivityExecutor((new ProcessPoolActivityExecutor(__DIR__ . '/interceptor-pool-bootstrap.php'))
        ->withProcesses(2));
    $factory->newWorker($queue, $options);
} else {
    $worker = $factory->newWorker($queue, $options)->registerWorkflowTypes(InterceptedLocalActivityWorkflow::class);
    $fixture['register']($worker);
}

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
