<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\ExplainedWorkflowV2;

require_once __DIR__ . '/Fixtures/ExplainedWorkflows.php';

/**
 * The explainer on a live worker (Fixtures/explained-worker.php): version 1 of a workflow runs until it waits,
 * version 2 (a timer added first) takes over, and its worker logs why the run's next task fails.
 */
final class NondeterminismReportTest extends ServerTestCase
{
    public function testAWorkerWithIncompatibleCodeLogsTheLikelyChangeAndWhereItIs(): void
    {
        $queue = 'explained-' . bin2hex(random_bytes(4));
        $log = tempnam(sys_get_temp_dir(), 'php-temporal-explained-');
        $v1 = ChildProcess::php(__DIR__ . '/Fixtures/explained-worker.php', [$queue, 'v1', $log], 'php-explained-v1');
        $v2 = null;
        $handle = null;
        try {
            $v1->waitFor('worker ready');
            $handle = self::client()->start('PhpExplained', [], WorkflowOptions::new()->withTaskQueue($queue)
                ->withWorkflowId(self::uniqueId('explained')));
            self::assertTrue(self::eventually(fn (): bool => self::waitsAfterItsActivity($handle), true),
                'version 1 never got to wait for its signal');
            self::assertSame(0, $v1->stop(), $v1->output());

            $v2 = ChildProcess::php(__DIR__ . '/Fixtures/explained-worker.php', [$queue, 'v2', $log], 'php-explained-v2');
            $v2->waitFor('worker ready');
            $handle->signal('go');  // a task version 2 must replay the run for
            $record = self::eventuallyAccepted(fn (): ?array => self::nonDeterminismRecord($log), fn (?array $r): bool => $r !== null);
            self::assertNotNull($record, "version 2's worker logged no explanation\n" . $v2->output());

            $timer = (new \ReflectionMethod(ExplainedWorkflowV2::class, 'run'))->getStartLine() + 2;
            $file = (new \ReflectionClass(ExplainedWorkflowV2::class))->getFileName();
            self::assertSame($handle->getExecution()->getRunId(), $record['context']['run_id']);
            self::assertStringContainsString('Nondeterminism', $record['context']['core_message']);
            // The replay stopped at the timer, so this history (one activity, then a signal) cannot tell "a timer was
            // added before the activity" from "the activity was replaced by a timer": the explainer says the latter.
            self::assertStringContainsString("likely change: activity 'wf.greet' (event 5) is no longer scheduled: "
                . "the code went on to timer ($file:$timer)", $record['context']['explanation']);
            self::assertStringContainsString('fix: guard the change with Workflow::patched(', $record['context']['explanation']);
        } finally {
            $handle?->terminate('test done');
            $v2?->stop();
            @unlink($log);
        }
    }

    private static function waitsAfterItsActivity(WorkflowHandle $handle): bool
    {
        $completed = false;
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            $completed = $completed || $event->getEventType() === EventType::EVENT_TYPE_ACTIVITY_TASK_COMPLETED;
            if ($completed && $event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
                return true;
            }
        }
        return false;
    }

    /** @return ?array{message: string, context: array<string, string>} */
    private static function nonDeterminismRecord(string $log): ?array
    {
        foreach (file($log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
            $record = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
            if ($record['message'] === 'workflow task failed: the code is not deterministic') {
                return $record;
            }
        }
        return null;
    }
}
