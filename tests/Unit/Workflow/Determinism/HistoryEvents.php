<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use Google\Protobuf\Duration;
use TrueAsync\Temporal\Api\Common\V1\ActivityType;
use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\SearchAttributes;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Api\History\V1\ActivityTaskCancelRequestedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\ActivityTaskCompletedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\ActivityTaskScheduledEventAttributes;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Api\History\V1\MarkerRecordedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\RequestCancelExternalWorkflowExecutionInitiatedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\SignalExternalWorkflowExecutionInitiatedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\StartChildWorkflowExecutionInitiatedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\TimerCanceledEventAttributes;
use TrueAsync\Temporal\Api\History\V1\TimerFiredEventAttributes;
use TrueAsync\Temporal\Api\History\V1\TimerStartedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\UpsertWorkflowSearchAttributesEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionCanceledEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionCompletedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionContinuedAsNewEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionFailedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionSignaledEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionStartedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowPropertiesModifiedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowTaskCompletedEventAttributes;

/**
 * History events as the server sends them, built from the generated messages, with the marker details
 * encoded the way the core writes them.
 */
final class HistoryEvents
{
    public static function started(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 'workflow_execution_started_event_attributes',
            new WorkflowExecutionStartedEventAttributes(['workflow_type' => new WorkflowType(['name' => 'Orders'])]));
    }

    public static function taskCompleted(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 'workflow_task_completed_event_attributes',
            new WorkflowTaskCompletedEventAttributes());
    }

    public static function activityScheduled(int $id, string $type): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 'activity_task_scheduled_event_attributes',
            new ActivityTaskScheduledEventAttributes(['activity_id' => (string) $id, 'activity_type' => new ActivityType(['name' => $type])]));
    }

    public static function activityCompleted(int $id, int $scheduledId): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_ACTIVITY_TASK_COMPLETED, 'activity_task_completed_event_attributes',
            new ActivityTaskCompletedEventAttributes(['scheduled_event_id' => $scheduledId]));
    }

    public static function activityCancelRequested(int $id, int $scheduledId): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED, 'activity_task_cancel_requested_event_attributes',
            new ActivityTaskCancelRequestedEventAttributes(['scheduled_event_id' => $scheduledId]));
    }

    public static function timerStarted(int $id, int $seconds, int $nanos = 0): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_TIMER_STARTED, 'timer_started_event_attributes', new TimerStartedEventAttributes([
            'timer_id' => (string) $id,
            'start_to_fire_timeout' => new Duration(['seconds' => $seconds, 'nanos' => $nanos]),
        ]));
    }

    public static function timerFired(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_TIMER_FIRED, 'timer_fired_event_attributes', new TimerFiredEventAttributes());
    }

    public static function timerCanceled(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_TIMER_CANCELED, 'timer_canceled_event_attributes', new TimerCanceledEventAttributes());
    }

    public static function childInitiated(int $id, string $type, string $workflowId): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED,
            'start_child_workflow_execution_initiated_event_attributes', new StartChildWorkflowExecutionInitiatedEventAttributes([
                'workflow_type' => new WorkflowType(['name' => $type]),
                'workflow_id' => $workflowId,
            ]));
    }

    public static function signalInitiated(int $id, string $signal, string $workflowId): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
            'signal_external_workflow_execution_initiated_event_attributes', new SignalExternalWorkflowExecutionInitiatedEventAttributes([
                'signal_name' => $signal,
                'workflow_execution' => new WorkflowExecution(['workflow_id' => $workflowId]),
            ]));
    }

    public static function cancelExternalInitiated(int $id, string $workflowId, bool $childOnly): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
            'request_cancel_external_workflow_execution_initiated_event_attributes',
            new RequestCancelExternalWorkflowExecutionInitiatedEventAttributes([
                'workflow_execution' => new WorkflowExecution(['workflow_id' => $workflowId]),
                'child_workflow_only' => $childOnly,
            ]));
    }

    public static function signaled(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, 'workflow_execution_signaled_event_attributes',
            new WorkflowExecutionSignaledEventAttributes(['signal_name' => 'approve']));
    }

    /** The core's patch marker: PatchedMarkerData as JSON under "patch-data". */
    public static function patchMarker(int $id, string $patchId, bool $deprecated = false): HistoryEvent
    {
        return self::marker($id, 'core_patch', ['patch-data' => json_encode(['id' => $patchId, 'deprecated' => $deprecated])]);
    }

    /** A patch marker of an older core: the id and the flag as plain bytes. */
    public static function legacyPatchMarker(int $id, string $patchId, bool $deprecated): HistoryEvent
    {
        return self::marker($id, 'core_patch', ['patch_id' => $patchId, 'deprecated' => $deprecated ? "\x01" : "\x00"]);
    }

    /** The core's local activity marker: LocalActivityMarkerData as JSON under "data", the result under "result". */
    public static function localActivityMarker(int $id, string $type): HistoryEvent
    {
        $data = ['seq' => 1, 'attempt' => 1, 'activity_id' => '1', 'activity_type' => $type, 'complete_time' => null, 'backoff' => null];
        return self::marker($id, 'core_local_activity', ['data' => json_encode($data), 'result' => '"ok"']);
    }

    /** @param array<string, string> $details */
    public static function marker(int $id, string $name, array $details): HistoryEvent
    {
        $encoded = [];
        foreach ($details as $key => $data) {
            $encoded[$key] = new Payloads(['payloads' => [new Payload(['metadata' => ['encoding' => 'json/plain'], 'data' => $data])]]);
        }
        return self::event($id, EventType::EVENT_TYPE_MARKER_RECORDED, 'marker_recorded_event_attributes',
            new MarkerRecordedEventAttributes(['marker_name' => $name, 'details' => $encoded]));
    }

    /** @param list<string> $keys */
    public static function searchAttributesUpserted(int $id, array $keys): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, 'upsert_workflow_search_attributes_event_attributes',
            new UpsertWorkflowSearchAttributesEventAttributes([
                'search_attributes' => new SearchAttributes(['indexed_fields' => array_fill_keys($keys, new Payload())]),
            ]));
    }

    /** @param list<string> $keys */
    public static function memoModified(int $id, array $keys): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED, 'workflow_properties_modified_event_attributes',
            new WorkflowPropertiesModifiedEventAttributes(['upserted_memo' => new Memo(['fields' => array_fill_keys($keys, new Payload())])]));
    }

    public static function completed(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 'workflow_execution_completed_event_attributes',
            new WorkflowExecutionCompletedEventAttributes());
    }

    public static function failed(int $id, string $message): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, 'workflow_execution_failed_event_attributes',
            new WorkflowExecutionFailedEventAttributes(['failure' => new Failure(['message' => $message])]));
    }

    public static function continuedAsNew(int $id, string $type): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, 'workflow_execution_continued_as_new_event_attributes',
            new WorkflowExecutionContinuedAsNewEventAttributes(['workflow_type' => new WorkflowType(['name' => $type])]));
    }

    public static function canceled(int $id): HistoryEvent
    {
        return self::event($id, EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, 'workflow_execution_canceled_event_attributes',
            new WorkflowExecutionCanceledEventAttributes());
    }

    private static function event(int $id, int $type, string $attributesField, object $attributes): HistoryEvent
    {
        return new HistoryEvent(['event_id' => $id, 'event_type' => $type, $attributesField => $attributes]);
    }
}
