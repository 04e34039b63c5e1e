<?php

// A worker running version 1 or 2 of "PhpExplained", its records as JSON lines in LOG_FILE, until SIGTERM:
//   php -d extension=temporal.so explained-worker.php TASK_QUEUE v1|v2 LOG_FILE
// Prints "worker ready".

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Observability\Fixtures\JsonLinesLogger;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\ExplainedWorkflowV1;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\ExplainedWorkflowV2;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/ExplainedWorkflows.php';
require_once __DIR__ . '/../../Observability/Fixtures/JsonLinesLogger.php';

[, $queue, $version, $logFile] = $argv;
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$factory->newWorker($queue, WorkerOptions::new()->withLogger(new JsonLinesLogger($logFile)))
    ->registerWorkflowTypes($version === 'v2' ? ExplainedWorkflowV2::class : ExplainedWorkflowV1::class)
    ->registerActivityCallable('wf.greet', fn (string $name): string => "hello $name");
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
