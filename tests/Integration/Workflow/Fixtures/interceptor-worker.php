<?php

// A PHP worker process for the interceptor tests, until SIGTERM:
//   php -d extension=temporal.so interceptor-worker.php TASK_QUEUE MAX_CACHED_WORKFLOWS COUNTS_FILE
// TASK_QUEUE: the counting interceptor (hook calls appended to COUNTS_FILE); TASK_QUEUE-tenant: the tenant
// and policy interceptors. Apart, so that one's Workflow::getInfo() calls are not counted by the other.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/Workflows.php';
require_once __DIR__ . '/InterceptorWorkflows.php';
require_once __DIR__ . '/TestInterceptors.php';

[, $queue, $cacheSize, $countsFile] = $argv;
$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')));
$factory = WorkerFactory::create($client);
$options = WorkerOptions::new()->withMaxCachedWorkflows((int) $cacheSize);
$factory->newWorker($queue, $options->withInterceptors(new Fixtures\CountingInterceptor($countsFile)))
    ->registerWorkflowTypes(Fixtures\CountedWorkflow::class, Fixtures\CountedChildWorkflow::class)
    ->registerActivity(new Fixtures\GreetingActivities());
$factory->newWorker("$queue-tenant", $options->withInterceptors(new Fixtures\TenantInterceptor(), new Fixtures\PolicyInterceptor()))
    ->registerWorkflowTypes(Fixtures\TenantParentWorkflow::class, Fixtures\CountedChildWorkflow::class,
        Fixtures\SignalSumWorkflow::class, Fixtures\ForbiddenActivityWorkflow::class)
    ->registerActivity(new Fixtures\GreetingActivities());
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
