<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

/** Workers that die or shut down while activities are in flight; Python SDK workflows call the activities. */
final class WorkerLifecycleTest extends ServerTestCase
{
    private const ROUNDS = 50;

    private static ChildProcess $pythonWorker;
    private static string $workflowQueue;

    public static function setUpBeforeClass(): void
    {
        self::$workflowQueue = 'lifecycle-wf-' . bin2hex(random_bytes(4));
        self::$pythonWorker = ChildProcess::start([getenv('PYTHON') ?: 'python3',
            __DIR__ . '/../../Interop/python/activity_callers.py', '--task-queue', self::$workflowQueue],
            'python-lifecycle-callers');
        self::$pythonWorker->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::$pythonWorker->stop();
    }

    public function testKilledWorkersActivityIsRetriedByANewWorkerAfterItsHeartbeatTimeout(): void
    {
        $queue = 'lifecycle-kill-' . bin2hex(random_bytes(4));
        $started = self::markerFile();
        $handle = $this->callActivity($queue, 'php.slow', [1.0, $started], ['heartbeat_timeout' => 2, 'max_attempts' => 2]);
        $first = self::phpWorker($queue);
        $first->waitFor('worker ready');
        self::awaitFile($started);
        self::assertSame(128 + SIGKILL, $first->stop(SIGKILL, 5.0), 'killed mid-activity, no graceful exit');
        $second = self::phpWorker($queue);
        try {
            self::assertSame(['result' => 'finished'], $handle->result(timeoutSeconds: 60));
        } finally {
            $second->stop();
        }
    }

    /**
     * Every activity handed to PHP finishes and its completion reaches the server; run() returns after
     * finalize. (A task the server matched to a poll that shutdown cancelled is not handed to PHP: Temporal
     * retries it after its start-to-close timeout, so those workflows are not waited for here.)
     */
    public function testGracefulShutdownUnderLoadCompletesEveryDeliveredActivityAndFinalizes(): void
    {
        for ($round = 1; $round <= self::ROUNDS; $round++) {
            $queue = "lifecycle-drain-$round-" . bin2hex(random_bytes(3));
            $handles = [];
            for ($i = 0; $i < 4; $i++) {
                $handle = $this->callActivity($queue, 'php.work', [0.05]);
                $handles[$handle->getId()] = $handle;
            }
            [$started, $finished] = $this->serveUntilShutdownAfterFirstStart($queue);
            self::assertNotSame([], $started, "round $round: an activity ran");
            self::assertSame($started, $finished, "round $round: every delivered activity finished");
            foreach ($handles as $id => $handle) {
                \in_array($id, $finished, true)
                    ? self::assertSame(['result' => 'done'], $handle->result(timeoutSeconds: 30), "round $round")
                    : $handle->terminate('test round over');
            }
        }
    }

    /**
     * A shutdown after the run ended does nothing: a late signal, or runUntil()'s own after a worker had already
     * stopped on a poll error (it used to throw "the worker is finalized" over the error that stopped it).
     */
    public function testAShutdownAfterTheRunEndedDoesNothing(): void
    {
        $factory = WorkerFactory::create(self::client());
        $worker = $factory->newWorker('lifecycle-ended-' . bin2hex(random_bytes(4)))
            ->registerActivityCallable('php.work', static fn (): string => 'done');
        self::assertSame('body done', $factory->runUntil(static fn (): string => 'body done'));

        $worker->shutdown();
        $factory->shutdown();
        self::assertNull($worker->getFailure());
    }

    /**
     * Runs a worker in this process that starts shutting down when its first activity starts.
     *
     * @return array{list<string>, list<string>} workflow ids whose activity started, and finished
     */
    private function serveUntilShutdownAfterFirstStart(string $queue): array
    {
        $factory = WorkerFactory::create(self::client());
        [$started, $finished] = [[], []];
        $factory->newWorker($queue, WorkerOptions::new()->withGracefulShutdownTimeout(5))
            ->registerActivityCallable('php.work', function (float $seconds) use ($factory, &$started, &$finished) {
                $started[] = $workflowId = Activity::getInfo()->workflowId;
                if (\count($started) === 1) {
                    $factory->shutdown();
                }
                usleep((int) ($seconds * 1e6));
                Activity::heartbeat();
                $finished[] = $workflowId;
                return 'done';
            });
        $factory->run();
        return [$started, $finished];
    }

    private function callActivity(string $queue, string $name, array $args, array $spec = []): WorkflowHandle
    {
        $spec += ['name' => $name, 'args' => $args, 'task_queue' => $queue, 'start_to_close' => 30];
        $options = WorkflowOptions::new()->withTaskQueue(self::$workflowQueue)
            ->withWorkflowId('lifecycle-' . bin2hex(random_bytes(6)));
        return self::client()->start('RunActivity', [$spec], $options);
    }

    private static function phpWorker(string $queue): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        return ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/activity-worker.php', 'fibers', $queue, "$queue-unused"], 'php-lifecycle-worker');
    }
}
