<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * A PHP worker whose runtime pushes metrics over OTLP to a real gRPC receiver (Fixtures/otlp_receiver.py, on
 * the OpenTelemetry protocol's own Python classes), which must receive the same counts Prometheus shows.
 */
final class OtlpMetricsTest extends ServerTestCase
{
    private const WORKFLOWS = 3;

    private static ChildProcess $receiver;
    private static ChildProcess $worker;
    private static string $queue;
    private static string $received;

    public static function setUpBeforeClass(): void
    {
        self::$received = sys_get_temp_dir() . '/php-otlp-' . bin2hex(random_bytes(4)) . '.json';
        self::$receiver = ChildProcess::start([getenv('PYTHON') ?: 'python3', __DIR__ . '/Fixtures/otlp_receiver.py',
            self::$received], 'php-otlp-receiver');
        self::$receiver->waitFor('listening on', 60.0);
        preg_match('/^listening on (\S+)$/m', self::$receiver->output(), $address);

        self::$queue = 'php-otlp-' . bin2hex(random_bytes(4));
        self::$worker = ChildProcess::php(__DIR__ . '/Fixtures/metrics-worker.php',
            [self::$queue, 'otlp', "http://$address[1]"], 'php-otlp-worker');
        self::$worker->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::assertSame(0, self::$worker->stop(), self::$worker->output());
        self::$receiver->stop();
        @unlink(self::$received);
    }

    public function testTheReceiverGetsTheWorkflowCountsWithTheCoresLabels(): void
    {
        for ($i = 0; $i < self::WORKFLOWS; $i++) {
            $handle = self::client()->start('PhpMetrics', [$i], WorkflowOptions::new()
                ->withTaskQueue(self::$queue)->withWorkflowId(self::uniqueId('otlp')));
            self::assertSame(2 * $i, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        }

        $completed = self::eventually(fn () => $this->point('temporal_workflow_completed')['value'] ?? null,
            self::WORKFLOWS);
        self::assertSame(self::WORKFLOWS, $completed, self::$receiver->output());
        self::assertSame(2 * self::WORKFLOWS, self::eventually(
            fn () => $this->point('temporal_workflow_task_execution_latency')['value'] ?? null,
            2 * self::WORKFLOWS,
        ));
        $point = $this->point('temporal_workflow_completed');
        self::assertSame(['default', self::$queue, 'PhpMetrics'],
            [$point['attributes']['namespace'], $point['attributes']['task_queue'], $point['attributes']['workflow_type']]);
        self::assertSame('php-temporal', $point['resource']['suite'] ?? null, 'OTLP carries global tags on the resource');
    }

    /** @return ?array{name: string, attributes: array<string, string>, value: int|float, resource: array<string, string>} this queue's point */
    private function point(string $name): ?array
    {
        $points = json_decode((string) @file_get_contents(self::$received), true) ?? [];
        foreach ($points as $point) {
            if ($point['name'] === $name && ($point['attributes']['task_queue'] ?? null) === self::$queue
                && ($point['attributes']['workflow_type'] ?? null) === 'PhpMetrics') {
                return $point;
            }
        }
        return null;
    }
}
