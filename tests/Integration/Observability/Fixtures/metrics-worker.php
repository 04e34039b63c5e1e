<?php

// A PHP worker process whose runtime exports metrics, until SIGTERM:
//   php -d extension=temporal.so metrics-worker.php TASK_QUEUE prometheus
//   php -d extension=temporal.so metrics-worker.php TASK_QUEUE otlp COLLECTOR_URL
//   php -d extension=temporal.so metrics-worker.php TASK_QUEUE heartbeat   (no metrics; worker heartbeats every 1 s)
//   php -d extension=temporal.so metrics-worker.php TASK_QUEUE logs FILE   (the core's warnings as JSON lines in FILE)
//   php -d extension=temporal.so metrics-worker.php TASK_QUEUE broken-logs FILE   (the same; the logger throws on the
//                                                                              first record it gets)
// Prints "metrics at ADDRESS" (the Prometheus endpoint; "-" for OTLP), then "worker ready".

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Runtime\OtlpOptions;
use TrueAsync\Temporal\Runtime\PrometheusOptions;
use TrueAsync\Temporal\Runtime\Runtime;
use TrueAsync\Temporal\Runtime\RuntimeOptions;
use TrueAsync\Temporal\Tests\Integration\Observability\Fixtures\BrokenWorkflow;
use TrueAsync\Temporal\Tests\Integration\Observability\Fixtures\JsonLinesLogger;
use TrueAsync\Temporal\Tests\Integration\Observability\Fixtures\MetricsWorkflow;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

require __DIR__ . '/../../../bootstrap.php';
require_once __DIR__ . '/MetricsWorkflow.php';
require_once __DIR__ . '/JsonLinesLogger.php';

[, $queue, $exporter] = $argv;
$options = match ($exporter) {
    'prometheus' => RuntimeOptions::new()
        ->withPrometheus(PrometheusOptions::new('127.0.0.1:0')->withGlobalTags(['suite' => 'php-temporal'])),
    'otlp' => RuntimeOptions::new()
        ->withOtlp(OtlpOptions::new($argv[3])->withPeriod(0.2)->withGlobalTags(['suite' => 'php-temporal'])),
    'heartbeat' => RuntimeOptions::new()->withWorkerHeartbeatInterval(1),
    'logs' => RuntimeOptions::new()->withLogger(new JsonLinesLogger($argv[3])),
    'broken-logs' => RuntimeOptions::new()->withLogger(new JsonLinesLogger($argv[3], throwOnFirst: 1)),
};
$runtime = Runtime::configure($options);
echo 'metrics at ', $runtime->getPrometheusAddress() ?? '-', "\n";

$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
// Prometheus: no workflow cache, so every run's second task replays its first (which must not count again).
$cache = $exporter === 'prometheus' ? 0 : 1000;
$factory->newWorker($queue, WorkerOptions::new()->withMaxCachedWorkflows($cache))
    ->registerWorkflowTypes(MetricsWorkflow::class, BrokenWorkflow::class)
    ->registerActivityCallable('metrics.double', static function (int $n): int {
        $meter = Activity::getMetricMeter()->withAttributes(['unit_test' => true]);
        $meter->createCounter('php_metrics_activity_calls')->add(1);
        $meter->createHistogram('php_metrics_activity_input', 'inputs of metrics.double')->record($n);
        $meter->createGauge('php_metrics_last_input')->set($n);
        return 2 * $n;
    });
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
