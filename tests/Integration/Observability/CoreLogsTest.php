<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/** The core's own warning about a failed workflow task reaches the PSR-3 logger of the runtime, with its fields. */
final class CoreLogsTest extends ServerTestCase
{
    public function testTheCoresWarningAboutAFailedWorkflowTaskReachesTheLoggerWithTheRunId(): void
    {
        $queue = 'php-core-logs-' . bin2hex(random_bytes(4));
        $file = sys_get_temp_dir() . "/$queue.jsonl";
        $worker = ChildProcess::php(__DIR__ . '/Fixtures/metrics-worker.php', [$queue, 'logs', $file],
            'php-core-logs-worker');
        try {
            $worker->waitFor('worker ready');
            $handle = self::client()->start('PhpMetricsBroken', [], WorkflowOptions::new()
                ->withTaskQueue($queue)->withWorkflowId(self::uniqueId('core-logs')));
            $runId = $handle->getExecution()->getRunId();

            $record = self::eventuallyAccepted(fn () => $this->findRecord($file, 'Failing workflow task', $runId),
                fn (?array $r) => $r !== null);
            self::assertNotNull($record, "no such record in:\n" . @file_get_contents($file));
            self::assertSame('warning', $record['level']);
            self::assertStringStartsWith('temporalio_sdk_core', $record['context']['target']);
            self::assertStringContainsString('broken on purpose', $record['context']['failure']);
            $handle->terminate('the test saw the warning');
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
            @unlink($file);
        }
    }

    /** @return ?array{level: string, message: string, context: array<string, mixed>} */
    private function findRecord(string $file, string $message, string $runId): ?array
    {
        foreach (@file($file, FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            $record = json_decode($line, true);
            if ($record['message'] === $message && ($record['context']['run_id'] ?? null) === $runId) {
                return $record;
            }
        }
        return null;
    }
}
