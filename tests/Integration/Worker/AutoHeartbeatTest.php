<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * WorkerOptions::withAutoHeartbeat() with each executor: a blocking activity that never heartbeats outlives its
 * heartbeat timeout while its worker lives — with Fibers the blocked PHP thread cannot heartbeat, the bridge's
 * timer does — and times out (then retries elsewhere) once the worker dies.
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

    public static function executors(): array
    {
        return ['fibers' => ['fibers'], 'pool' => ['pool']];
    }

    /** @dataProvider executors */
    public function testABlockingActivityOutlivesItsHeartbeatTimeoutWhileTheWorkerLives(string $executor): void
    {
        $queue = self::$queue . "-$executor";
        $worker = self::startWorker($executor, $queue);
        $started = self::markerFile();
        $handle = $this->start(['name' => 'php.blockOnFirstAttempt', 'args' => [12, $started],
            'heartbeat_timeout' => 4, 'start_to_close' => 60, 'task_queue' => $queue]);
        self::assertSame(['result' => 'attempt 1 returned'], $handle->result(timeoutSeconds: 90));
        unlink($started);
        self::assertSame(0, $worker->stop(SIGTERM), $worker->output());
    }

    /** @dataProvider executors */
    public function testWhenItsWorkerDiesTheActivityTimesOutAndRetriesOnAnother(string $executor): void
    {
        $queue = self::$queue . "-$executor-killed";
        $first = self::startWorker($executor, $queue);
        $started = self::markerFile();
        $handle = $this->start(['name' => 'php.blockOnFirstAttempt', 'args' => [30, $started],
            'heartbeat_timeout' => 4, 'start_to_close' => 120, 'max_attempts' => 2, 'task_queue' => $queue]);
        self::awaitFile($started);
        $second = self::startWorker($executor, $queue);
        $first->stop(SIGKILL);
        self::assertSame(['result' => 'attempt 2 returned'], $handle->result(timeoutSeconds: 90));
        self::assertSame(0, $second->stop(SIGTERM), $second->output());
    }

    /**
     * The cancel reaches the core through an auto-heartbeat's response; the pool relays it, and the process,
     * blocked and never heartbeating, is stopped after the grace period (1 s in the fixture): reported cancelled.
     */
    public function testACancelledBlockedActivityInThePoolIsStoppedAndReportedCancelled(): void
    {
        $queue = self::$queue . '-pool-cancel';
        $worker = self::startWorker('pool', $queue);
        $started = self::markerFile();
        $outcome = $this->start(['name' => 'php.block', 'args' => [300, $started], 'heartbeat_timeout' => 10,
            'cancel_after' => 1, 'start_to_close' => 600, 'task_queue' => $queue])->result(timeoutSeconds: 120);
        self::assertSame('cancelled', $outcome['error']['kind'] ?? json_encode($outcome));
        @unlink($started);
        self::assertSame(0, $worker->stop(SIGTERM), $worker->output());
    }

    private static function startWorker(string $executor, string $queue): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension", __DIR__ . '/Fixtures/activity-worker.php',
            "$executor-auto-heartbeat", $queue, "$queue-b"], "php-auto-heartbeat-worker-$queue-" . bin2hex(random_bytes(3)));
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
