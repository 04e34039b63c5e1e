<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * Tests against one PHP worker process (Fixtures/workflow-worker.php) on a task queue of the class's own,
 * started once per class. A subclass with CACHE_SIZE 0 runs every test again with each activation replayed.
 */
abstract class WorkflowWorkerTestCase extends ServerTestCase
{
    protected const CACHE_SIZE = 1000;

    protected static ChildProcess $worker;
    protected static string $queue;

    public static function setUpBeforeClass(): void
    {
        self::$queue = 'php-workflows-' . static::CACHE_SIZE . '-' . bin2hex(random_bytes(4));
        self::$worker = self::startWorker(self::$queue, static::CACHE_SIZE);
    }

    /** A worker process on $queue caching up to $cacheSize runs (0: every activation replays); ready when returned. */
    protected static function startWorker(string $queue, int $cacheSize): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/workflow-worker.php', $queue, (string) $cacheSize], 'php-workflow-worker');
        $worker->waitFor('worker ready');
        return $worker;
    }

    public static function tearDownAfterClass(): void
    {
        $code = self::$worker->stop();
        self::assertSame(0, $code, self::$worker->output());
    }

    /** @param list<mixed> $args */
    protected function start(string $type, array $args, ?string $workflowId = null): WorkflowHandle
    {
        return self::client()->start($type, $args, WorkflowOptions::new()->withTaskQueue(self::$queue)
            ->withWorkflowId($workflowId ?? strtolower($type) . '-' . bin2hex(random_bytes(6))));
    }
}
