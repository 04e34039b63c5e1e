<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\Enums\V1\TimeoutType;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** Worker tuning against a live server, each option by its effect. */
final class WorkerTuningTest extends ServerTestCase
{
    /**
     * One activity slot, fixed or resource-based: of two activities scheduled at once, the second starts
     * only after the first ended (each takes 0.3 s without blocking the worker, so more slots would overlap).
     *
     * @dataProvider oneSlotTuners
     */
    public function testATunerWithOneActivitySlotRunsActivitiesOneAtATime(string $mode): void
    {
        [$worker, $queue] = self::startTuningWorker($mode);
        try {
            [$a, $b] = self::startWorkflow('PhpTuningPair', [], WorkflowOptions::new()->withTaskQueue($queue))
                ->result(timeoutSeconds: 60);
            self::assertTrue($a[1] <= $b[0] || $b[1] <= $a[0], 'the two activities overlapped: ' . json_encode([$a, $b]));
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    public static function oneSlotTuners(): array
    {
        return ['fixed' => ['fixed-one'], 'resource-based' => ['resource-one']];
    }

    /**
     * The core reports its pollers in the worker's heartbeats, which the server lists: the autoscaling worker's
     * are autoscaled, within its bounds, and a worker with default pollers' are not. Both serve tasks.
     */
    public function testAWorkerWithPollerAutoscalingServesBothKindsOfTaskWithAutoscaledPollers(): void
    {
        [$worker, $queue] = self::startTuningWorker('autoscaling');
        [$plain, $plainQueue] = self::startTuningWorker('plain');
        try {
            $spans = self::startWorkflow('PhpTuningPair', [], WorkflowOptions::new()->withTaskQueue($queue))
                ->result(timeoutSeconds: 60);
            self::assertCount(2, $spans);

            $heartbeat = self::awaitWorkerHeartbeat($queue);
            self::assertNotNull($heartbeat, 'the server never listed the autoscaling worker');
            foreach ([$heartbeat->getWorkflowPollerInfo(), $heartbeat->getActivityPollerInfo()] as $pollers) {
                self::assertTrue($pollers->getIsAutoscaling());
                self::assertLessThanOrEqual(10, $pollers->getCurrentPollers(), 'at most the maximum of 10');
            }
            $plainHeartbeat = self::awaitWorkerHeartbeat($plainQueue);
            self::assertNotNull($plainHeartbeat, 'the server never listed the plain worker');
            self::assertFalse($plainHeartbeat->getWorkflowPollerInfo()->getIsAutoscaling());
            self::assertFalse($plainHeartbeat->getActivityPollerInfo()->getIsAutoscaling());
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
            self::assertSame(0, $plain->stop(), $plain->output());
        }
    }

    /**
     * A worker with runs cached dies; the next task of its run waits on its sticky queue for the configured
     * 12 s (more than the default 10 s), then the server moves it to the task queue, where another worker
     * finishes the run. The server's own times measure the wait.
     */
    public function testTheStickyScheduleToStartTimeoutIsHowLongATaskWaitsForADeadWorker(): void
    {
        [$first, $queue] = self::startTuningWorker('sticky-12s');
        $handle = self::startWorkflow('PhpTuningSignal', [], WorkflowOptions::new()->withTaskQueue($queue));
        self::eventually(fn (): bool => self::hasEvent($handle, EventType::EVENT_TYPE_WORKFLOW_TASK_COMPLETED), true);
        $first->stop(SIGKILL);
        $handle->signal('go');
        [$second] = self::startTuningWorker('plain', $queue);
        try {
            self::assertSame('went', $handle->result(timeoutSeconds: 90));
        } finally {
            self::assertSame(0, $second->stop(), $second->output());
        }
        $events = iterator_to_array($handle->fetchHistory()->getEvents(), false);
        $timedOut = array_values(array_filter($events, static fn ($e): bool =>
            $e->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT))[0] ?? null;
        self::assertNotNull($timedOut, 'no workflow task timed out on the sticky queue');
        $attributes = $timedOut->getWorkflowTaskTimedOutEventAttributes();
        self::assertSame(TimeoutType::TIMEOUT_TYPE_SCHEDULE_TO_START, $attributes->getTimeoutType());
        $scheduled = $events[$attributes->getScheduledEventId() - 1];
        $waited = self::seconds($timedOut->getEventTime()) - self::seconds($scheduled->getEventTime());
        self::assertGreaterThanOrEqual(12.0, $waited, 'the sticky task timed out before the configured 12 s');
    }

    /** @return array{ChildProcess, string} */
    private static function startTuningWorker(string $mode, ?string $queue = null): array
    {
        $queue ??= self::uniqueId('tuning');
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/tuning-worker.php', $mode, $queue], "tuning-$mode");
        $worker->waitFor('worker ready');
        return [$worker, $queue];
    }

    private static function hasEvent(\TrueAsync\Temporal\Client\WorkflowHandle $handle, int $type): bool
    {
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            if ($event->getEventType() === $type) {
                return true;
            }
        }
        return false;
    }

    private static function seconds(\Google\Protobuf\Timestamp $time): float
    {
        return $time->getSeconds() + $time->getNanos() / 1e9;
    }
}
