<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * A real Prometheus (Debian's) scrapes a PHP worker whose runtime serves the core's metrics, and its query API
 * must count the workflows the test ran, with the labels the core gives them, and the custom metrics their code
 * recorded.
 */
final class PrometheusMetricsTest extends ServerTestCase
{
    private const WORKFLOWS = 5;

    private static ChildProcess $worker;
    private static ChildProcess $prometheus;
    private static string $queue;
    private static string $api;

    public static function setUpBeforeClass(): void
    {
        $binary = trim((string) shell_exec('command -v prometheus'));
        if ($binary === '') {
            self::markTestSkipped('prometheus is not installed (make test installs it: scripts/install-deps.sh)');
        }
        self::$queue = 'php-metrics-' . bin2hex(random_bytes(4));
        self::$worker = ChildProcess::php(__DIR__ . '/Fixtures/metrics-worker.php', [self::$queue, 'prometheus'],
            'php-metrics-worker');
        self::$worker->waitFor('worker ready');
        preg_match('/^metrics at (\S+)$/m', self::$worker->output(), $address);
        self::$prometheus = self::startPrometheus($binary, $address[1]);
        // In turn, so the last gauge value is known.
        for ($i = 0; $i < self::WORKFLOWS; $i++) {
            $handle = self::client()->start('PhpMetrics', [$i], WorkflowOptions::new()
                ->withTaskQueue(self::$queue)->withWorkflowId(self::uniqueId('metrics')));
            self::assertSame(2 * $i, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        }
    }

    public static function tearDownAfterClass(): void
    {
        if (isset(self::$prometheus)) {
            self::$prometheus->stop();
        }
        if (isset(self::$worker)) {
            self::assertSame(0, self::$worker->stop(), self::$worker->output());
        }
    }

    public function testPrometheusCountsTheWorkflowsAndTheirTasksWithTheCoresLabels(): void
    {
        $labels = '{task_queue="' . self::$queue . '",workflow_type="PhpMetrics"}';

        self::assertSame((float) self::WORKFLOWS,
            self::eventually(fn () => $this->sum("temporal_workflow_completed$labels"), (float) self::WORKFLOWS));
        self::assertSame((float) self::WORKFLOWS, self::eventually(
            fn () => $this->sum("temporal_activity_execution_latency_count{task_queue=\"" . self::$queue
                . '",activity_type="metrics.double"}'),
            (float) self::WORKFLOWS,
        ));
        // Each run takes two workflow tasks: the one that schedules the activity and the one that completes.
        self::assertSame((float) (2 * self::WORKFLOWS), self::eventually(
            fn () => $this->sum("temporal_workflow_task_execution_latency_count$labels"),
            (float) (2 * self::WORKFLOWS),
        ));
        $series = $this->query("temporal_workflow_completed$labels")[0]['metric'];
        self::assertSame(['default', 'php-temporal', 'temporal-core-sdk'],
            [$series['namespace'], $series['suite'], $series['service_name']]);
    }

    /** The worker has no cache: each run's second task replays the code that counted the run, which must not count. */
    public function testCustomMetricsFromWorkflowsAndActivitiesCountOnceWithTheirLabels(): void
    {
        $queue = 'task_queue="' . self::$queue . '"';
        $runs = self::eventually(fn () => $this->sum("php_metrics_workflow_runs{{$queue},workflow_type=\"PhpMetrics\"}"),
            (float) self::WORKFLOWS);
        self::assertSame((float) self::WORKFLOWS, $runs, 'replay counted again');
        self::assertSame(3.0, $this->sum("php_metrics_workflow_runs{{$queue},parity=\"even\"}"), '0, 2 and 4');

        $activity = "$queue,activity_type=\"metrics.double\",unit_test=\"true\"";
        self::assertSame((float) self::WORKFLOWS,
            self::eventually(fn () => $this->sum("php_metrics_activity_calls{{$activity}}"), (float) self::WORKFLOWS));
        self::assertSame((float) self::WORKFLOWS, $this->sum("php_metrics_activity_input_count{{$activity}}"));
        self::assertSame(0.0 + 1 + 2 + 3 + 4, $this->sum("php_metrics_activity_input_sum{{$activity}}"));
        self::assertSame(4.0, $this->sum("php_metrics_last_input{{$activity}}"));
    }

    /** The sum over the series a PromQL selector matches, as Prometheus's query API answers now. */
    private function sum(string $selector): float
    {
        $result = $this->query("sum($selector)");
        return $result === [] ? 0.0 : (float) $result[0]['value'][1];
    }

    /** @return list<array{metric: array<string, string>, value: array{0: float, 1: string}}> */
    private function query(string $promql): array
    {
        $body = @file_get_contents(self::$api . '/api/v1/query?query=' . rawurlencode($promql));
        if ($body === false) {
            return [];
        }
        return json_decode($body, true, flags: JSON_THROW_ON_ERROR)['data']['result'];
    }

    private static function startPrometheus(string $binary, string $target): ChildProcess
    {
        $dir = sys_get_temp_dir() . '/php-metrics-prometheus-' . bin2hex(random_bytes(4));
        mkdir($dir);
        file_put_contents("$dir/prometheus.yml", implode("\n", [
            'global:',
            '  scrape_interval: 1s',
            'scrape_configs:',
            '  - job_name: php-worker',
            '    static_configs:',
            "      - targets: ['$target']",
            '',
        ]));
        $port = self::freePort();
        self::$api = "http://127.0.0.1:$port";
        $prometheus = ChildProcess::start([$binary, "--config.file=$dir/prometheus.yml",
            "--storage.tsdb.path=$dir/data", "--web.listen-address=127.0.0.1:$port"], 'php-metrics-prometheus');
        $prometheus->waitFor('Server is ready to receive web requests', 120.0);
        return $prometheus;
    }

    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) parse_url('tcp://' . stream_socket_get_name($socket, false), PHP_URL_PORT);
        fclose($socket);
        return $port;
    }
}
