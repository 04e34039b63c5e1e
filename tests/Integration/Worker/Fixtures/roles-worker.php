<?php

// A worker process for WorkerRolesTest: one registration (the workflow PhpRoles and the activity
// "roles.pid"), served in the role its first argument names, on TASK_QUEUE, until SIGTERM.
//   php -d extension=temporal.so roles-worker.php local-only|activities-only|local-only-without-workflows TASK_QUEUE
// The identity is "roles-ROLE-PID", for the test to find among the task queue's pollers.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';

/** Runs "roles.pid" as a local activity, then as an activity: which process ran each. */
#[WorkflowInterface]
final class RolesWorkflow
{
    #[WorkflowMethod(name: 'PhpRoles')]
    public function run(): array
    {
        return [
            'local' => Workflow::executeLocalActivity('roles.pid', [], LocalActivityOptions::new()->withStartToCloseTimeout(10)),
            'remote' => Workflow::executeActivity('roles.pid', [], ActivityOptions::new()->withStartToCloseTimeout(10)),
        ];
    }
}

[, $role, $queue] = $argv + ['', '', ''];
$options = WorkerOptions::new()->withIdentity("roles-$role-" . getmypid());
$options = match ($role) {
    'local-only', 'local-only-without-workflows' => $options->withLocalActivityWorkerOnly(),
    'activities-only' => $options->withWorkflowWorkerDisabled(),
};
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$worker = $factory->newWorker($queue, $options)->registerActivityCallable('roles.pid', static fn (): int => getmypid());
if ($role !== 'local-only-without-workflows') {
    $worker->registerWorkflowTypes(RolesWorkflow::class);
}
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
