<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/** The core's own warning about a failed workflow task reaches the PSR-3 logger of the runtime, with its fields. */
final class CoreLogsTest extends ServerTestCase
{
    public function testTheCoresWarningAboutAFailedWorkflowTaskReachesTheLoggerWithTheRunId(): void
    {
        $this->withWorker('logs', function (string $queue, string $file): void {
            $handle = $this->startBroken($queue);
            $record = $this->awaitWarning($file, $handle);
            self::assertSame('warning', $record['level']);
            self::assertStringStartsWith('temporalio_sdk_core', $record['context']['target']);
            self::assertStringContainsString('broken on purpose', $record['context']['failure']);
            $handle->terminate('the test saw the warning');
        });
    }

    /**
     * The logger throws on the first record (the first run's warning): the worker writes that to stderr and goes
     * on, and the second run's warning still reaches the logger.
     */
    public function testALoggerThatThrowsLosesOnlyItsRecordAndTheWorkerGoesOn(): void
    {
        $this->withWorker('broken-logs', function (string $queue, string $file, ChildProcess $worker): void {
            $first = $this->startBroken($queue);
            $worker->waitFor('the PSR-3 logger threw on 1 of', 60.0);
            self::assertStringContainsString('RuntimeException: the logger is broken on purpose', $worker->output());
            $second = $this->startBroken($queue);
            $this->awaitWarning($file, $second);
            $first->terminate('the test saw the logger fail');
            $second->terminate('the test saw the warning');
        });
    }

    /** Runs $test(queue, log file, worker) beside a worker of metrics-worker.php in $mode; the worker must exit 0. */
    private function withWorker(string $mode, \Closure $test): void
    {
        $queue = "php-$mode-" . bin2hex(random_bytes(4));
        $file = sys_get_temp_dir() . "/$queue.jsonl";
        $worker = ChildProcess::php(__DIR__ . '/Fixtures/metrics-worker.php', [$queue, $mode, $file],
            "php-$mode-worker");
        try {
            $worker->waitFor('worker ready');
            $test($queue, $file, $worker);
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
            @unlink($file);
        }
    }

    private function startBroken(string $queue): WorkflowHandle
    {
        return self::client()->start('PhpMetricsBroken', [], WorkflowOptions::new()
            ->withTaskQueue($queue)->withWorkflowId(self::uniqueId('core-logs')));
    }

    /** @return array{level: string, message: string, context: array<string, mixed>} the run's task failure */
    private function awaitWarning(string $file, WorkflowHandle $handle): array
    {
        $runId = $handle->getExecution()->getRunId();
        $record = self::eventuallyAccepted(fn () => $this->findRecord($file, 'Failing workflow task', $runId),
            fn (?array $r) => $r !== null);
        self::assertNotNull($record, "no warning of run $runId in:\n" . @file_get_contents($file));
        return $record;
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
