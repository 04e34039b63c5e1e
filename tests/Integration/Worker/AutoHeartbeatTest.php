<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * WorkerOptions::withAutoHeartbeat() with a process pool: a blocking activity that never heartbeats outlives
 * its heartbeat timeout while its worker lives, and times out (then retries elsewhere) once the worker dies.
 */
final class AutoHeartbeatTest extends ServerTestCase
{
    private static ChildProcess $pythonWorker;
    private static string $queue;

    public static function setUpBeforeClass(): void
    {
        self::$queue = 'php-auto-heartbeat-' . bin2hex(random_bytes(4));
        self::$pythonWorker = ChildProcess::pythonActivityCallers(self::$queue . '-wf');
    }

    public static function tearDownAfterClass(): void
    {
        self::$pythonWorker->stop();
    }

    public function testABlockingActivityOutlivesItsHeartbeatTimeoutWhileTheWorkerLives(): void
    {
        $worker = self::startWorker(self::$queue);
        $started = self::markerFile();
        $handle = $this->start(['name' => 'php.blockOnFirstAttempt', 'args' => [12, $started],
            'heartbeat_timeout' => 4, 'start_to_close' => 60, 'task_queue' => self::$queue]);
        self::assertSame(['result' => 'attempt 1 returned'], $handle->result(timeoutSeconds: 90));
        unlink($started);
        self::assertSame(0, $worker->stop(SIGTERM), $worker->output());
    }

    public function testWhenItsWorkerDiesTheActivityTimesOutAndRetriesOnAnother(): void
    {
        $queue = self::$queue . '-killed';
        $first = self::startWorker($queue);
        $started = self::markerFile();
        $handle = $this->start(['name' => 'php.blockOnFirstAttempt', 'args' => [30, $started],
            'heartbeat_timeout' => 4, 'start_to_close' => 120, 'max_attempts' => 2, 'task_queue' => $queue]);
        self::awaitFile($started);
        $second = self::startWorker($queue);
        $first->stop(SIGKILL);
        self::assertSame(['result' => 'attempt 2 returned'], $handle->result(timeoutSeconds: 90));
        self::assertSame(0, $second->stop(SIGTERM), $second->output());
    }

    private static function startWorker(string $queue): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension", __DIR__ . '/Fixtures/activity-worker.php',
            'pool-auto-heartbeat', $queue, "$queue-b"], "php-auto-heartbeat-worker-$queue-" . bin2hex(random_bytes(3)));
        $worker->waitFor('worker ready');
        return $worker;
    }

    private function start(array $spec): WorkflowHandle
    {
        $options = WorkflowOptions::new()->withTaskQueue(self::$queue . '-wf')
            ->withWorkflowId('auto-heartbeat-' . bin2hex(random_bytes(6)));
        return self::client()->start('RunActivity', [$spec], $options);
    }
}
