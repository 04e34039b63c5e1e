<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures\CancellationProbeWorkflow;

require_once __DIR__ . '/Fixtures/CancellationWorkflows.php';

/**
 * Every blessed wait, its scope cancelled before the wait starts, while it waits, and after it resolved;
 * each case checks the outcome and the events in history. (The same activation that resolves a wait and
 * cancels it cannot be arranged from outside the core: Unit\Workflow\Internal\CancellationTest covers it.)
 */
class CancellationPropertyTest extends WorkflowWorkerTestCase
{
    private const COMMAND_EVENT = [
        'timer' => 'TIMER_STARTED',
        'activity' => 'ACTIVITY_TASK_SCHEDULED',
        'local activity' => 'MARKER_RECORDED',
        'child start' => 'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
        'child result' => 'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
        'external signal' => 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
        'external cancel' => 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
        'await' => null,
        'await with timeout' => 'TIMER_STARTED',
    ];

    public function testEveryWaitCancelledBeforeWhileAndAfterIt(): void
    {
        $sink = $this->start('PhpSignalQuery', []);
        $cases = [];
        foreach (CancellationProbeWorkflow::KINDS as $kind) {
            foreach (['before', 'while', 'after'] as $timing) {
                $id = 'probe-' . str_replace(' ', '-', "$kind-$timing") . '-' . bin2hex(random_bytes(4));
                $target = $kind === 'external cancel' ? $this->start('PhpSleeper', [], "$id-target") : null;
                $targets = ['sink' => $sink->getId(), 'target' => "$id-target", 'idle_queue' => self::$queue . '-idle'];
                $cases["$kind, $timing"] = [$kind, $timing, $this->start('PhpCancellationProbe', [$kind, $timing, $targets], $id), $target];
            }
        }
        foreach ($cases as [$kind, $timing, $handle]) {
            if ($timing === 'while' && \in_array($kind, CancellationProbeWorkflow::UNENDING, true)) {
                // Cancelled once the server has the wait (the query sees state of a completed task).
                self::eventually(fn () => $handle->query('waiting'), true);
                $handle->signal('cancelNow');
            }
        }
        $mismatches = [];
        foreach ($cases as $name => [$kind, $timing, $handle, $target]) {
            [$outcome, $present, $absent] = self::expected($kind, $timing);
            $actual = $handle->result(timeoutSeconds: 60);
            $events = self::eventTypes($handle);
            if ($actual !== $outcome || array_diff($present, $events) !== [] || array_intersect($absent, $events) !== []) {
                $mismatches[$name] = ['outcome' => $actual, 'events' => $events];
            }
            if ($timing === 'before') {
                $target?->terminate('test over');  // never asked to cancel: it would sleep an hour
            }
        }
        $sink->signal('finish');
        self::assertSame([], $mismatches);
    }

    /** @return array{array{value: mixed, error: ?string}, list<string>, list<string>} outcome, events present, absent */
    private static function expected(string $kind, string $timing): array
    {
        $command = self::COMMAND_EVENT[$kind];
        $cancelled = ['value' => null, 'error' => 'CanceledFailure'];
        $childCancelled = ['value' => null, 'error' => 'ChildWorkflowFailure<CanceledFailure'];
        $cancelsChild = ['REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', 'CHILD_WORKFLOW_EXECUTION_CANCELED'];
        return match ($timing) {
            'before' => $kind === 'child result'
                ? [$childCancelled, [$command, ...$cancelsChild], []]
                : [$cancelled, [], array_filter([$command])],
            'while' => match ($kind) {
                'timer', 'await with timeout' => [$cancelled, ['TIMER_STARTED', 'TIMER_CANCELED'], ['TIMER_FIRED']],
                'activity' => [['value' => null, 'error' => 'ActivityFailure<CanceledFailure'],
                    ['ACTIVITY_TASK_SCHEDULED', 'ACTIVITY_TASK_CANCEL_REQUESTED'], ['ACTIVITY_TASK_COMPLETED']],
                'child result' => [$childCancelled, [$command, ...$cancelsChild], []],
                // The core records a cancelled local activity in a marker, as a completed one.
                'local activity' => [['value' => null, 'error' => 'ActivityFailure<CanceledFailure'], [$command], []],
                // Cancelled in the task that issued them: the core withdraws the command before it is sent.
                'child start' => [['value' => null, 'error' => 'ChildWorkflowFailure<CanceledFailure'], [], [$command]],
                'external signal' => [$cancelled, [], [$command]],
                // A cancellation request cannot be taken back: it completes, and the next wait is cancelled.
                'external cancel' => [['value' => ['cancel requested', 'next wait cancelled'], 'error' => null],
                    [$command, 'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED'], []],
                'await' => [$cancelled, [], ['TIMER_STARTED']],
            },
            'after' => self::expectedAfterResolution($kind),
        };
    }

    /** @return array{array{value: mixed, error: ?string}, list<string>, list<string>} */
    private static function expectedAfterResolution(string $kind): array
    {
        [$value, $event] = match ($kind) {
            'timer' => ['fired', 'TIMER_FIRED'],
            'activity' => ['Hello, probe!', 'ACTIVITY_TASK_COMPLETED'],
            'local activity' => ['Hello, probe!', 'MARKER_RECORDED'],
            'child start' => ['started', 'CHILD_WORKFLOW_EXECUTION_STARTED'],
            'child result' => [['Hello, child!', 'Hello, child again!', 'PhpGreeting'], 'CHILD_WORKFLOW_EXECUTION_COMPLETED'],
            'external signal' => ['signalled', 'EXTERNAL_WORKFLOW_EXECUTION_SIGNALED'],
            'external cancel' => ['cancel requested', 'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED'],
            'await' => [true, null],
            'await with timeout' => [false, 'TIMER_FIRED'],
        };
        $neverCancelled = ['TIMER_CANCELED', 'ACTIVITY_TASK_CANCEL_REQUESTED', 'CHILD_WORKFLOW_EXECUTION_CANCELED'];
        if ($kind !== 'external cancel') {
            $neverCancelled[] = 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED';
        }
        return [['value' => [$value, 'next wait cancelled'], 'error' => null], array_filter([$event]), $neverCancelled];
    }

    /** @return list<string> the history's event types without the EVENT_TYPE_ prefix */
    private static function eventTypes(WorkflowHandle $handle): array
    {
        $types = [];
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            $types[] = substr(EventType::name($event->getEventType()), \strlen('EVENT_TYPE_'));
        }
        return $types;
    }
}
