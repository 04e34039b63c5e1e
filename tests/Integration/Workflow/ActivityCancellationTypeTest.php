<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Workflow\ActivityCancellationType;

/**
 * Cancelling a running activity with each cancellation type, remote and local, against a live server: what
 * the workflow's wait gives, whether the server was asked to cancel, and whether the workflow waited for the
 * activity's end (its event comes before the workflow's completion) or went on at once.
 */
final class ActivityCancellationTypeTest extends WorkflowWorkerTestCase
{
    private const CANCELLED = 'ActivityFailure<CanceledFailure';
    private const COMPLETED = 'result: completed after the cancellation';

    /**
     * @dataProvider cases
     * @param bool $asked the server was asked to cancel (remote) / a marker was recorded (local)
     * @param ?bool $waited the activity's end is in history before the workflow's completion (remote); null for
     *     a local activity, which has no activity events: the outcome of its "ignored" cases shows whether the
     *     workflow waited (a result: it did; a cancellation: it went on at once)
     */
    public function testCancellingARunningActivity(
        ?ActivityCancellationType $type,
        bool $local,
        bool $ignore,
        string $outcome,
        bool $asked,
        ?bool $waited,
    ): void {
        $started = self::markerFile();
        $handle = $this->start('PhpActivityCancellation', [$type?->value, $local, $started, $ignore]);
        self::awaitFile($started);
        $handle->signal('cancel');
        self::assertStringStartsWith($outcome, $handle->result(timeoutSeconds: 60));

        $events = array_map(static fn ($event): int => $event->getEventType(),
            iterator_to_array($handle->fetchHistory()->getEvents(), false));
        $completed = array_search(EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, $events, true);
        $before = \array_slice($events, 0, (int) $completed);
        if ($local) {
            self::assertNull($waited, 'history cannot show it for a local activity');
            self::assertSame($asked, \in_array(EventType::EVENT_TYPE_MARKER_RECORDED, $before, true), 'a marker');
            self::assertNotContains(EventType::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, $events);
            return;
        }
        self::assertSame($asked, \in_array(EventType::EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED, $before, true));
        $ended = array_intersect($before, [EventType::EVENT_TYPE_ACTIVITY_TASK_CANCELED, EventType::EVENT_TYPE_ACTIVITY_TASK_COMPLETED]);
        self::assertSame($waited, $ended !== [], 'the workflow completed after the activity ended');
    }

    public static function cases(): array
    {
        $wait = ActivityCancellationType::WaitCancellationCompleted;
        // type, local, the activity ignores the cancellation, outcome, asked, waited
        return [
            'remote default (TryCancel)' => [null, false, false, self::CANCELLED, true, false],
            'remote TryCancel, ignored' => [ActivityCancellationType::TryCancel, false, true, self::CANCELLED, true, false],
            'remote WaitCancellationCompleted' => [$wait, false, false, self::CANCELLED, true, true],
            'remote WaitCancellationCompleted, ignored' => [$wait, false, true, self::COMPLETED, true, true],
            'remote Abandon' => [ActivityCancellationType::Abandon, false, false, self::CANCELLED, false, false],
            'local default (WaitCancellationCompleted)' => [null, true, false, self::CANCELLED, true, null],
            'local default, ignored' => [null, true, true, self::COMPLETED, true, null],
            'local TryCancel, ignored' => [ActivityCancellationType::TryCancel, true, true, self::CANCELLED, true, null],
            'local Abandon, ignored' => [ActivityCancellationType::Abandon, true, true, self::CANCELLED, true, null],
        ];
    }
}
