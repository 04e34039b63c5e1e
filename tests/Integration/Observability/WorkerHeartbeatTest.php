<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability;

use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkersRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkersResponse;
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
            $first = self::eventuallyAccepted(fn () => $this->heartbeatTime($queue), fn (?int $t) => $t !== null, 30.0);
            self::assertNotNull($first, 'the server never listed the worker');
            $later = self::eventuallyAccepted(fn () => $this->heartbeatTime($queue),
                fn (?int $t) => $t !== null && $t > $first, 30.0);
            self::assertGreaterThan($first, $later, 'no second heartbeat within 30 s');
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    /** The last heartbeat time (µs) of the workers the server lists for $queue, or null if it lists none. */
    private function heartbeatTime(string $queue): ?int
    {
        $request = new ListWorkersRequest(['namespace' => 'default', 'query' => "TaskQueue = '$queue'"]);
        $response = self::client()->rawCall('WorkflowService', 'ListWorkers', $request, ListWorkersResponse::class);
        $latest = null;
        foreach ($response->getWorkersInfo() as $info) {
            $heartbeat = $info->getWorkerHeartbeat();
            if ($heartbeat?->getTaskQueue() === $queue && $heartbeat->getHeartbeatTime() !== null) {
                $time = $heartbeat->getHeartbeatTime();
                $latest = max($latest ?? 0, $time->getSeconds() * 1_000_000 + intdiv($time->getNanos(), 1000));
            }
        }
        return $latest;
    }
}
