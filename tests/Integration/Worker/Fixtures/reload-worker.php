<?php

// A worker in hot-reload mode, watching DIR, whose ReloadedWorkflow.php it loads (the test rewrites that file):
//   php -d extension=temporal.so reload-worker.php TASK_QUEUE DIR
// Prints "worker ready VERSION" each time it starts (again after a reload).

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Worker\Reloaded\ReloadedWorkflow;
use TrueAsync\Temporal\Worker\WorkerFactory;

require __DIR__ . '/../../../bootstrap.php';

[, $queue, $dir] = $argv;
require_once "$dir/ReloadedWorkflow.php";
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$factory->newWorker($queue)
    ->registerWorkflowTypes(ReloadedWorkflow::class)
    ->registerActivityCallable('reload.greet', fn (string $name): string => "hello $name");
echo 'worker ready ' . ReloadedWorkflow::VERSION . "\n";
$factory->runWithReload([$dir], 0.2);
echo "worker stopped\n";
