<?php

// A PHP worker process for the activity-executor tests: serves the test activities on two task queues in one
// process until SIGTERM, then shuts down gracefully and prints "worker stopped". EXECUTOR is "fibers",
// "pool" (a ProcessPoolActivityExecutor per queue, its processes set up by pool-bootstrap-*.php) or
// "fibers-auto-heartbeat" / "pool-auto-heartbeat" (the same with WorkerOptions::withAutoHeartbeat()).
//   php -d extension=temporal.so activity-worker.php EXECUTOR TASK_QUEUE_A TASK_QUEUE_B

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Worker\ProcessPoolActivityExecutor;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';

[, $executor, $queueA, $queueB] = $argv;
$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')));
$factory = WorkerFactory::create($client);
$options = WorkerOptions::new()->withGracefulShutdownTimeout(10)->withMaxHeartbeatThrottleInterval(0.5)
    ->withDefaultHeartbeatThrottleInterval(0.5);
$setUpA = require __DIR__ . '/pool-bootstrap-a.php';
$setUpB = require __DIR__ . '/pool-bootstrap-b.php';

if (str_ends_with($executor, '-auto-heartbeat')) {
    $options = $options->withAutoHeartbeat();
}
if (str_starts_with($executor, 'pool')) {
    $pool = static fn (string $bootstrap) => $options->withActivityExecutor(
        (new ProcessPoolActivityExecutor(__DIR__ . "/$bootstrap"))->withProcesses(4)->withCancellationGracePeriod(1),
    );
    $factory->newWorker($queueA, $pool('pool-bootstrap-a.php'));
    $factory->newWorker($queueB, $pool('pool-bootstrap-b.php'));
} else {
    // The same registrations, on the Workers themselves.
    $setUpA($factory->newWorker($queueA, $options));
    $setUpB($factory->newWorker($queueB, $options));
}

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
