<?php

// The PHP worker of the stress scenarios: StressWorkflow, StressOneActivity and `stress.compute` on one task
// queue, until SIGTERM/SIGINT, then the SDK's graceful shutdown (prints "worker stopped" once run() returned).
//
//   php -d extension=build/ext/modules/temporal.so stress/workers/worker.php --address HOST:PORT \
//       --task-queue Q --activity-log FILE --activation-log FILE [--max-cached-workflows 1000] \
//       [--max-workflow-tasks 100] [--max-activities 100] [--pollers 5] [--graceful-seconds 10]
//
// Prints "worker ready" once configured (polling starts in run()).

declare(strict_types=1);

use Stress\ActivationLog;
use Stress\ComputeActivity;
use Stress\JsonLines;
use Stress\StressOneActivity;
use Stress\StressWorkflow;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../vendor/autoload.php';
require __DIR__ . '/logs.php';
require __DIR__ . '/workflows.php';

$opts = getopt('', ['address:', 'task-queue:', 'activity-log:', 'activation-log:', 'max-cached-workflows:',
    'max-workflow-tasks:', 'max-activities:', 'pollers:', 'graceful-seconds:']);
if (!isset($opts['address'], $opts['task-queue'], $opts['activity-log'], $opts['activation-log'])) {
    fwrite(STDERR, "usage: worker.php --address HOST:PORT --task-queue Q --activity-log FILE --activation-log FILE "
        . "[--max-cached-workflows N] [--max-workflow-tasks N] [--max-activities N] [--pollers N] "
        . "[--graceful-seconds S]\n");
    exit(2);
}

$pollers = (int) ($opts['pollers'] ?? 5);
$options = WorkerOptions::new()
    ->withMaxCachedWorkflows((int) ($opts['max-cached-workflows'] ?? 1000))
    ->withMaxConcurrentWorkflowTaskExecutionSize((int) ($opts['max-workflow-tasks'] ?? 100))
    ->withMaxConcurrentActivityExecutionSize((int) ($opts['max-activities'] ?? 100))
    ->withMaxConcurrentWorkflowTaskPollers($pollers)
    ->withMaxConcurrentActivityTaskPollers($pollers)
    // Activities in flight at SIGTERM run to their end (the shutdown scenario checks each completes).
    ->withGracefulShutdownTimeout((float) ($opts['graceful-seconds'] ?? 10))
    ->withLogger(new ActivationLog(new JsonLines((string) $opts['activation-log'])))
    // The histories name the worker that took each task: the scenarios match it with the process.
    ->withIdentity('stress-worker-' . getmypid());

$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) $opts['address'])));
$factory->newWorker((string) $opts['task-queue'], $options)
    ->registerWorkflowTypes(StressWorkflow::class, StressOneActivity::class)
    ->registerActivityCallable('stress.compute', new ComputeActivity(new JsonLines((string) $opts['activity-log'])));

echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
