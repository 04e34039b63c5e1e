<?php

// A worker process for WorkerDeploymentTest: version BUILD of Worker Deployment DEPLOYMENT, with versioning on,
// serving TASK_QUEUE until SIGTERM. Its workflows wait for the signal "finish", then return BUILD: which
// version finished them.
//   php -d extension=temporal.so versioned-worker.php DEPLOYMENT BUILD TASK_QUEUE

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Worker\WorkerDeploymentOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\VersioningBehavior;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;
use TrueAsync\Temporal\Workflow\WorkflowVersioningBehavior;

require __DIR__ . '/../../../bootstrap.php';

abstract class VersionedWorkflow
{
    public static string $build = '';
    private bool $finish = false;

    protected function finishedBy(): string
    {
        Workflow::await(fn (): bool => $this->finish);
        return self::$build;
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finish = true;
    }
}

#[WorkflowInterface]
#[WorkflowVersioningBehavior(VersioningBehavior::Pinned)]
final class VersionedPinnedWorkflow extends VersionedWorkflow
{
    #[WorkflowMethod(name: 'PhpVersionedPinned')]
    public function run(): string
    {
        return $this->finishedBy();
    }
}

#[WorkflowInterface]
final class VersionedAutoUpgradeWorkflow extends VersionedWorkflow
{
    #[WorkflowMethod(name: 'PhpVersionedAutoUpgrade')]
    #[WorkflowVersioningBehavior(VersioningBehavior::AutoUpgrade)]
    public function run(): string
    {
        return $this->finishedBy();
    }
}

[, $deployment, $build, $queue] = $argv + ['', '', '', ''];
VersionedWorkflow::$build = $build;
$options = WorkerOptions::new()->withDeploymentOptions(WorkerDeploymentOptions::new($deployment, $build));
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$factory->newWorker($queue, $options)
    ->registerWorkflowTypes(VersionedPinnedWorkflow::class, VersionedAutoUpgradeWorkflow::class);
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
