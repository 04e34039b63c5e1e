<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use Psr\Log\AbstractLogger;
use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class TwoTaskWorkflow
{
    #[WorkflowMethod(name: 'PhpTwoTasks')]
    public function run(): string
    {
        Workflow::sleep(0.1);
        return 'done';
    }
}

/** Keeps the records; shuts the worker down once it completed the eviction that follows the run's end. */
final class RecordingLogger extends AbstractLogger
{
    /** @var list<array{string, array<string, mixed>}> */
    public array $records = [];
    public ?WorkerFactory $factory = null;

    public function log($level, $message, array $context = []): void
    {
        $this->records[] = [(string) $message, $context];
        if ($message === 'workflow activation completed' && $context['jobs'] === ['remove_from_cache']) {
            $this->factory?->shutdown();
        }
    }
}

/** The worker's debug records of the activations it receives and completes (WorkerOptions::withLogger()). */
final class ActivationLogTest extends ServerTestCase
{
    private const GUARD_SECONDS = 60;  // shuts the worker down should the eviction never come

    public function testEveryWorkflowTaskIsRecordedWhenReceivedAndWhenCompletedWithItsStartedEventId(): void
    {
        $queue = 'activation-log-' . bin2hex(random_bytes(4));
        $handle = self::client()->start('PhpTwoTasks', [], WorkflowOptions::new()->withTaskQueue($queue)
            ->withWorkflowId('activation-log-' . bin2hex(random_bytes(6))));
        $logger = new RecordingLogger();
        $factory = $logger->factory = WorkerFactory::create(self::client());
        $factory->newWorker($queue, WorkerOptions::new()->withLogger($logger))->registerWorkflowTypes(TwoTaskWorkflow::class);
        pcntl_signal(SIGALRM, fn () => $factory->shutdown());
        pcntl_alarm(self::GUARD_SECONDS);
        try {
            $factory->run();
        } finally {
            pcntl_alarm(0);
            pcntl_signal(SIGALRM, SIG_DFL);
        }
        self::assertSame('done', $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));

        $started = [];
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            if ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_STARTED) {
                $started[] = $event->getEventId();
            }
        }
        $received = self::historyLengths($logger->records, 'workflow activation received', $handle->getRunId());
        $completed = self::historyLengths($logger->records, 'workflow activation completed', $handle->getRunId());
        self::assertCount(2, $started, 'the run had two workflow tasks (start, timer fired)');
        self::assertSame($started, $received, 'one record per task, with its WorkflowTaskStarted event id');
        self::assertSame($received, $completed, 'and one record once its completion was handed to the core');
    }

    /** @return list<int> the history lengths of $message records for $runId, evictions left out */
    private static function historyLengths(array $records, string $message, ?string $runId): array
    {
        $lengths = [];
        foreach ($records as [$text, $context]) {
            if ($text === $message && $context['run_id'] === $runId && $context['jobs'] !== ['remove_from_cache']) {
                $lengths[] = $context['history_length'];
            }
        }
        return $lengths;
    }
}
