<?php

// A PHP worker process for TraceparentPropagationTest, until SIGTERM:
//   php -d extension=temporal.so trace-worker.php TASK_QUEUE MAX_CACHED_WORKFLOWS
// The TraceparentInterceptor is on the worker's client, as an application registers one interceptor object
// for its client and every worker built on it.

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Interceptor\Fixtures;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/TraceWorkflows.php';

[, $queue, $cacheSize] = $argv;
$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')))
    ->withInterceptors(new Fixtures\TraceparentInterceptor());
$factory = WorkerFactory::create($client);
$factory->newWorker($queue, WorkerOptions::new()->withMaxCachedWorkflows((int) $cacheSize))
    ->registerWorkflowTypes(Fixtures\TraceParentWorkflow::class, Fixtures\TraceChildWorkflow::class)
    ->registerActivityCallable('trace.seen', static fn (): array => [
        'traceparent' => Fixtures\TraceparentInterceptor::inActivity(),
        'workflow' => Activity::getInfo()->workflowType,
    ]);
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
