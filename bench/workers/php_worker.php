<?php

// The PHP peer of the activities benchmark: one process serving the no-op activity "noop" on a task queue
// until SIGTERM/SIGINT, then shutting down gracefully.
//
//   php -d extension=build/ext/modules/temporal.so bench/workers/php_worker.php \
//       --address HOST:PORT --task-queue Q [--max-activities 100] [--pollers 5]
//
// Prints "worker ready" once the worker is configured (polling starts in run()).

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../vendor/autoload.php';

$opts = getopt('', ['address:', 'namespace:', 'task-queue:', 'max-activities:', 'pollers:']);
if (!isset($opts['address'], $opts['task-queue'])) {
    fwrite(STDERR, "usage: php_worker.php --address HOST:PORT --task-queue Q [--max-activities N] [--pollers N]\n");
    exit(2);
}

$client = Client::connect(
    ConnectionOptions::new((string) $opts['address'])->withNamespace((string) ($opts['namespace'] ?? 'default'))
);
$factory = WorkerFactory::create($client);
$factory->newWorker(
    (string) $opts['task-queue'],
    WorkerOptions::new()
        ->withMaxConcurrentActivityExecutionSize((int) ($opts['max-activities'] ?? 100))
        ->withMaxConcurrentActivityTaskPollers((int) ($opts['pollers'] ?? 5)),
)->registerActivityCallable('noop', fn () => null);

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
