<?php

// A worker whose workflow cache is capped by bytes, until SIGTERM; its debug records go to LOG_FILE as JSON lines:
//   php -d extension=temporal.so cache-bytes-worker.php TASK_QUEUE MAX_CACHED_BYTES LOG_FILE
// Prints "worker ready".

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Observability\Fixtures\JsonLinesLogger;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\BigStateWorkflow;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/BigStateWorkflow.php';
require_once __DIR__ . '/../../Observability/Fixtures/JsonLinesLogger.php';

[, $queue, $maxBytes, $logFile] = $argv;
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$factory->newWorker($queue, WorkerOptions::new()->withMaxCachedWorkflowBytes((int) $maxBytes)
    ->withLogger(new JsonLinesLogger($logFile)))
    ->registerWorkflowTypes(BigStateWorkflow::class);
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
