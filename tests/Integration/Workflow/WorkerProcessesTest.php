<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * Workflows across PHP worker processes: a killed worker's runs resume from history on a new one; a tiny
 * cache forces replays; and what a blocking activity does to workflow tasks in the same process vs another.
 */
final class WorkerProcessesTest extends ServerTestCase
{
    // As the worker issue states it: an activity blocking 15 s in sleep(), workflows with the default 10 s task timeout.
    private const BLOCK_SECONDS = 15;
    private const TASK_TIMEOUT = 10;

    private static ChildProcess $callers;
    private static string $callersQueue;

    public static function setUpBeforeClass(): void
    {
        self::$callersQueue = 'processes-callers-' . bin2hex(random_bytes(4));
        self::$callers = ChildProcess::start([getenv('PYTHON') ?: 'python3',
            __DIR__ . '/../../Interop/python/activity_callers.py', '--task-queue', self::$callersQueue], 'python-processes-callers');
        self::$callers->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::$callers->stop();
    }

    public function testAKilledWorkersRunsResumeFromHistoryOnANewWorker(): void
    {
        $queue = self::queue('restart');
        $first = self::workflowWorker($queue);
        $handles = [];
        foreach (range(1, 5) as $i) {
            $handles[$i] = $this->start($queue, 'PhpSignalQuery');
            $handles[$i]->signal('add', $i);
        }
        foreach ($handles as $i => $handle) {
            self::assertSame($i, self::eventually(fn () => $handle->query('total'), $i));
        }
        self::assertSame(128 + SIGKILL, $first->stop(SIGKILL));
        $second = self::workflowWorker($queue);
        try {
            foreach ($handles as $handle) {
                $handle->signal('add', 10);
                $handle->signal('finish');
            }
            foreach ($handles as $i => $handle) {
                self::assertSame($i + 10, $handle->result(timeoutSeconds: 60));
            }
        } finally {
            $second->stop();
        }
    }

    public function testTwentyInterleavedWorkflowsOnAWorkerCachingOneRun(): void
    {
        $queue = self::queue('cache-one');
        $worker = self::workflowWorker($queue, '1');
        try {
            $handles = array_map(fn () => $this->start($queue, 'PhpSignalQuery'), range(1, 20));
            foreach ([1, 2, 3] as $round) {
                foreach ($handles as $handle) {
                    $handle->signal('add', $round);
                }
            }
            array_walk($handles, fn (WorkflowHandle $handle) => $handle->signal('finish'));
            self::assertSame(array_fill(0, 20, 6), array_map(fn (WorkflowHandle $h) => $h->result(timeoutSeconds: 60), $handles));
        } finally {
            $worker->stop();
        }
    }

    public function testABlockingActivityInAnotherProcessDoesNotStarveWorkflowTasks(): void
    {
        $queue = self::queue('separate');
        [$workflows, $activities] = [self::workflowWorker($queue), self::activityWorker("$queue-activities")];
        try {
            self::awaitFile($this->callActivity('php.block', "$queue-activities"));
            $handles = array_map(fn () => $this->start($queue, 'PhpTimer', [0.1]), range(1, 20));
            array_walk($handles, fn (WorkflowHandle $handle) => $handle->result(timeoutSeconds: 60));
            self::assertSame(0, $this->taskTimeouts($handles));
        } finally {
            $workflows->stop();
            $activities->stop();
        }
    }

    /** The documented failure mode: on stock PHP a blocking activity blocks its whole process. */
    public function testABlockingActivityInTheSameProcessTimesOutItsWorkflowTasks(): void
    {
        $queue = self::queue('shared');
        $worker = self::workflowWorker($queue);
        try {
            self::awaitFile($this->callActivity('wf.block', $queue));  // the process is blocked from here
            $handles = array_map(fn () => $this->start($queue, 'PhpTimer', [0.1]), range(1, 5));
            array_walk($handles, fn (WorkflowHandle $handle) => $handle->result(timeoutSeconds: 60));
            self::assertGreaterThan(0, $this->taskTimeouts($handles), 'workflow tasks timed out while the process blocked');
        } finally {
            $worker->stop();
        }
    }

    /** Starts a workflow calling the blocking activity $name; returns the file the activity creates as it starts. */
    private function callActivity(string $name, string $queue): string
    {
        $started = self::markerFile();
        self::client()->start('RunActivity', [['name' => $name, 'args' => [self::BLOCK_SECONDS, $started],
            'task_queue' => $queue, 'start_to_close' => 60]], WorkflowOptions::new()->withTaskQueue(self::$callersQueue)
            ->withWorkflowId('blocker-' . bin2hex(random_bytes(6))));
        return $started;
    }

    /** @param list<WorkflowHandle> $handles */
    private function taskTimeouts(array $handles): int
    {
        $count = 0;
        foreach ($handles as $handle) {
            foreach ($handle->fetchHistory()->getEvents() as $event) {
                $count += (int) ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT);
            }
        }
        return $count;
    }

    private function start(string $queue, string $type, array $args = []): WorkflowHandle
    {
        return self::client()->start($type, $args, WorkflowOptions::new()->withTaskQueue($queue)
            ->withWorkflowId(strtolower($type) . '-' . bin2hex(random_bytes(6)))->withWorkflowTaskTimeout(self::TASK_TIMEOUT));
    }

    private static function workflowWorker(string $queue, string $cacheSize = '1000'): ChildProcess
    {
        return self::phpProcess(__DIR__ . '/Fixtures/workflow-worker.php', [$queue, $cacheSize]);
    }

    private static function activityWorker(string $queue): ChildProcess
    {
        return self::phpProcess(__DIR__ . '/../Worker/Fixtures/activity-worker.php', ['fibers', $queue, "$queue-unused"]);
    }

    private static function phpProcess(string $script, array $args): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $process = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension", $script, ...$args], 'php-processes-worker');
        $process->waitFor('worker ready');
        return $process;
    }

    private static function queue(string $kind): string
    {
        return "processes-$kind-" . bin2hex(random_bytes(4));
    }
}
