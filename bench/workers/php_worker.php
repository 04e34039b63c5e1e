<?php

// The PHP peer of the benchmarks: one process, one task queue, until SIGTERM/SIGINT, then a graceful shutdown.
//
//   php -d extension=build/ext/modules/temporal.so bench/workers/php_worker.php \
//       --address HOST:PORT --task-queue Q [--role activities|one-activity|replay|blocking|big-state]
//       [--executor fibers|pool] [--max-activities 100] [--pollers 5] [--max-workflow-tasks 100]
//       [--workflow-pollers 5] [--max-cached-workflows 1000] [--max-cached-workflow-bytes N] [--interceptors]
//       [--prometheus] [--no-explainer]
//
// Role "activities" (the default, the activities scenario) serves the no-op activity "noop". Role
// "one-activity" (the drain and latency scenarios) also hosts BenchOneActivity, a PHP workflow that runs "noop" once
// (start-to-close 10 s, one attempt) on the same task queue: workflow and activity in one process. Role "replay"
// (the replay scenario's recorder) hosts BenchReplay (replay_workflows.php) and "noop" likewise. Role "blocking"
// (the blocking scenario) serves "block" (php_blocking_activities.php) only, run by the executor --executor names:
// "fibers" (the default executor) or "pool" (a ProcessPoolActivityExecutor of --max-activities processes). Role
// "big-state" (the cache_bytes scenario) hosts BenchBigState (big_state_workflow.php) and "noop", its cache capped
// at --max-cached-workflow-bytes N bytes when N > 0, and prints the cache's eviction records (BenchEvictionLogger).
// --interceptors (the interceptors scenario) registers a no-op interceptor of every workflow and activity hook on the
// client and another on the worker options (php_noop_interceptor.php): each hook passes through two.
// --prometheus (the metrics scenario) configures the runtime to serve the core's metrics on a free port.
// --no-explainer (the explainer scenario's "off") turns the non-determinism explainer off, which is on by default.
// Prints "worker ready" once the worker is configured (polling starts in run()).

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Runtime\PrometheusOptions;
use TrueAsync\Temporal\Runtime\Runtime;
use TrueAsync\Temporal\Runtime\RuntimeOptions;
use TrueAsync\Temporal\Worker\ProcessPoolActivityExecutor;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

require __DIR__ . '/../../vendor/autoload.php';
require __DIR__ . '/replay_workflows.php';
require __DIR__ . '/php_noop_interceptor.php';

#[WorkflowInterface]
final class BenchOneActivity
{
    #[WorkflowMethod(name: 'BenchOneActivity')]
    public function run(): void
    {
        Workflow::executeActivity(
            'noop',
            [],
            ActivityOptions::new()
                ->withStartToCloseTimeout(10)
                ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1)),  // a failed activity fails the run
        );
    }
}

$opts = getopt('', ['address:', 'namespace:', 'task-queue:', 'role:', 'executor:', 'max-activities:', 'pollers:',
    'max-workflow-tasks:', 'workflow-pollers:', 'max-cached-workflows:', 'max-cached-workflow-bytes:', 'interceptors',
    'prometheus', 'no-explainer']);
$role = (string) ($opts['role'] ?? 'activities');
$executor = (string) ($opts['executor'] ?? 'fibers');
if (
    !isset($opts['address'], $opts['task-queue'])
    || !in_array($role, ['activities', 'one-activity', 'replay', 'blocking', 'big-state'], true)
    || !in_array($executor, ['fibers', 'pool'], true)
    || ($executor === 'pool' && $role !== 'blocking')
) {
    fwrite(STDERR, "usage: php_worker.php --address HOST:PORT --task-queue Q "
        . "[--role activities|one-activity|replay|blocking|big-state] [--executor fibers|pool] [--max-activities N] "
        . "[--pollers N] [--max-workflow-tasks N] [--workflow-pollers N] [--max-cached-workflows N] "
        . "[--max-cached-workflow-bytes N] [--interceptors] [--prometheus] [--no-explainer]\n");
    exit(2);
}
$maxActivities = (int) ($opts['max-activities'] ?? 100);
$blockingActivities = __DIR__ . '/php_blocking_activities.php';

if (isset($opts['prometheus'])) {
    Runtime::configure(RuntimeOptions::new()->withPrometheus(PrometheusOptions::new('127.0.0.1:0')));
}
$client = Client::connect(
    ConnectionOptions::new((string) $opts['address'])->withNamespace((string) ($opts['namespace'] ?? 'default'))
);
$intercepted = isset($opts['interceptors']);
if ($intercepted) {
    $client = $client->withInterceptors(new BenchNoopInterceptor());
}
$factory = WorkerFactory::create($client);
$options = WorkerOptions::new()
    ->withMaxConcurrentActivityExecutionSize($maxActivities)
    ->withMaxConcurrentActivityTaskPollers((int) ($opts['pollers'] ?? 5));
if ($executor === 'pool') {
    $options = $options->withActivityExecutor(
        (new ProcessPoolActivityExecutor($blockingActivities))->withProcesses($maxActivities),
    );
}
if (!in_array($role, ['activities', 'blocking'], true)) {
    $options = $options
        ->withMaxConcurrentWorkflowTaskExecutionSize((int) ($opts['max-workflow-tasks'] ?? 100))
        ->withMaxConcurrentWorkflowTaskPollers((int) ($opts['workflow-pollers'] ?? 5))
        ->withMaxCachedWorkflows((int) ($opts['max-cached-workflows'] ?? 1000));
}
if ($intercepted) {
    $options = $options->withInterceptors(new BenchNoopInterceptor());
}
if ($role === 'big-state') {
    require __DIR__ . '/big_state_workflow.php';  // only here: its logger loads psr/log's classes
    $maxCachedBytes = (int) ($opts['max-cached-workflow-bytes'] ?? 0);
    $options = $options->withLogger(new BenchEvictionLogger())
        ->withMaxCachedWorkflowBytes($maxCachedBytes > 0 ? $maxCachedBytes : null);
}
if (isset($opts['no-explainer'])) {
    $options = $options->withNondeterminismExplainer(false);
}
$worker = $factory->newWorker((string) $opts['task-queue'], $options);
if ($role === 'blocking') {
    if ($executor === 'fibers') {
        (require $blockingActivities)($worker);
    }
} else {
    $worker->registerActivityCallable('noop', fn () => null);
}
if ($role === 'one-activity') {
    $worker->registerWorkflowTypes(BenchOneActivity::class);
} elseif ($role === 'replay') {
    $worker->registerWorkflowTypes(BenchReplay::class);
} elseif ($role === 'big-state') {
    $worker->registerWorkflowTypes(BenchBigState::class);
}

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
