<?php

// The PHP worker of the TLS scenario: hosts TlsRoundTrip and its activity on one task queue, through the
// TLS proxy, until SIGTERM.
//   php -d extension=temporal.so stress/tls/worker.php --task-queue Q --address HOST:PORT [TLS flags of connection.php]
// Prints "worker ready" once configured, and one line per activity execution.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/connection.php';
require __DIR__ . '/workflow.php';

$opts = getopt('', [...TLS_CONNECTION_FLAGS, 'task-queue:']);
$factory = WorkerFactory::create(Client::connect(tlsConnectionOptions($opts)));
$factory->newWorker((string) $opts['task-queue'], WorkerOptions::new())
    ->registerWorkflowTypes(TlsRoundTrip::class)
    ->registerActivityCallable('tls.greet', tlsGreet(...));
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
