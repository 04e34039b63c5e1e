<?php

// The demo's worker: the order workflow and its activities, in PHP, until SIGINT/SIGTERM.
//   php -d extension=build/ext/modules/temporal.so demo/worker.php [TASK_QUEUE]

declare(strict_types=1);

use Demo\OrderActivities;
use Demo\OrderWorkflow;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;

require __DIR__ . '/../vendor/autoload.php';
require __DIR__ . '/src/OrderActivities.php';
require __DIR__ . '/src/OrderWorkflow.php';

$taskQueue = $argv[1] ?? (getenv('TEMPORAL_TASK_QUEUE') ?: 'php-temporal-demo');
$client = Client::connect(ConnectionOptions::new(getenv('TEMPORAL_ADDRESS') ?: '127.0.0.1:7233'));
$factory = WorkerFactory::create($client);
$factory->newWorker($taskQueue)
    ->registerWorkflowTypes(OrderWorkflow::class)
    ->registerActivity(new OrderActivities());
echo "demo worker polling '$taskQueue'\n";
$factory->run();
echo "demo worker stopped\n";
