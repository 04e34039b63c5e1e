<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * WorkflowOptions::withEagerStart(): an activity starts PhpGreeting through its worker's own client on the
 * worker's task queue. Eager, the first workflow task comes back with the start's answer and is started in
 * the client's name; otherwise the worker (identity php-eager-worker) polls it.
 */
final class EagerStartTest extends WorkflowWorkerTestCase
{
    public function testAnEagerStartRunsTheFirstTaskWithoutAPoll(): void
    {
        $this->assertNotSame('php-eager-worker', $this->firstTaskStartedBy(true));
    }

    public function testWithoutEagerStartTheWorkerPollsTheFirstTask(): void
    {
        $this->assertSame('php-eager-worker', $this->firstTaskStartedBy(false));
    }

    public function testEagerStartIsRefusedWhereItCannotApply(): void
    {
        $eager = WorkflowOptions::new()->withTaskQueue(self::$queue)->withEagerStart();
        $refusals = [
            'start delay' => fn () => self::client()->start('PhpGreeting', ['x'], $eager->withStartDelay(5)),
            'signal-with-start' => fn () => self::client()->signalWithStart('PhpGreeting', ['x'], $eager, 'go'),
            'update-with-start' => fn () => self::client()->updateWithStart('PhpGreeting', ['x'],
                $eager->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting), 'go'),
            'schedule' => fn () => ScheduleAction::startWorkflow('PhpGreeting', [], $eager->withWorkflowId('s')),
        ];
        foreach ($refusals as $case => $call) {
            try {
                $call();
                $this->fail("$case: eager start was accepted");
            } catch (\ValueError $e) {
                $this->assertStringContainsString('withEagerStart()', $e->getMessage(), $case);
            }
        }
    }

    /** The identity in the started greeting's first WorkflowTaskStarted event. */
    private function firstTaskStartedBy(bool $eager): string
    {
        $starter = self::client()->start('PhpStartEagerly', [$eager], WorkflowOptions::new()
            ->withTaskQueue(self::$queue . '-eager')->withWorkflowId(self::uniqueId('eager-starter')));
        [$workflowId, $runId] = $starter->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        $greeting = self::client()->getHandle($workflowId, $runId);
        $this->assertSame(['Hello, eager!', 'Hello, eager again!', 'PhpGreeting'],
            $greeting->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        foreach ($greeting->fetchHistory()->getEvents() as $event) {
            if ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_STARTED) {
                return $event->getWorkflowTaskStartedEventAttributes()->getIdentity();
            }
        }
        $this->fail('no WorkflowTaskStarted event');
    }
}
