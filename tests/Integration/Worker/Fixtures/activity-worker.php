<?php

// A PHP worker process for the worker tests: serves the test activities on two task queues in one process
// until SIGTERM, then shuts down gracefully and prints "worker stopped".
//   php -d extension=temporal.so activity-worker.php TASK_QUEUE_A TASK_QUEUE_B

declare(strict_types=1);

use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\TestActivities;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';

[, $queueA, $queueB] = $argv;
$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')));
$factory = WorkerFactory::create($client);
$options = WorkerOptions::new()->withGracefulShutdownTimeout(10)->withMaxHeartbeatThrottleInterval(0.5)
    ->withDefaultHeartbeatThrottleInterval(0.5);

$factory->newWorker($queueA, $options)
    ->registerActivity(new TestActivities())
    ->registerActivityCallable('php.add', fn (int $a, int $b): int => $a + $b)
    ->registerDynamicActivity(fn (string $type, EncodedArguments $args): string =>
        "dynamic $type(" . json_encode($args->getValues()) . ')');
$factory->newWorker($queueB, $options)
    ->registerActivityCallable('php.whichQueue', fn (): string => \TrueAsync\Temporal\Activity::getInfo()->taskQueue);

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
