<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Api\Worker\V1\WorkerHeartbeat;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * A worker whose runtime heartbeats every second is listed by the server's ListWorkers, with its task queue,
 * and its heartbeat time moves on: with the default 60 s a second heartbeat would not come within the deadline.
 */
final class WorkerHeartbeatTest extends ServerTestCase
{
    public function testTheServerListsTheWorkerAndItsHeartbeatsComeAtTheConfiguredInterval(): void
    {
        $queue = 'php-heartbeat-' . bin2hex(random_bytes(4));
        $worker = ChildProcess::php(__DIR__ . '/Fixtures/metrics-worker.php', [$queue, 'heartbeat'],
            'php-heartbeat-worker');
        try {
            $worker->waitFor('worker ready');
            $first = self::awaitWorkerHeartbeat($queue, seconds: 30.0);
            self::assertNotNull($first, 'the server never listed the worker');
            $later = self::awaitWorkerHeartbeat($queue, fn (WorkerHeartbeat $h): bool
                => self::micros($h) > self::micros($first), 30.0);
            self::assertGreaterThan(self::micros($first), self::micros($later), 'no second heartbeat within 30 s');
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    private static function micros(WorkerHeartbeat $heartbeat): int
    {
        $time = $heartbeat->getHeartbeatTime();
        return $time->getSeconds() * 1_000_000 + intdiv($time->getNanos(), 1000);
    }
}
