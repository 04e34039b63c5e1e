<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\DataConverter\DataConverter;

/**
 * One step history recorded from a command of the workflow: the event a command produced (ActivityTaskScheduled,
 * TimerStarted, MarkerRecorded, ...). Events the server adds on its own (an activity's completion, a signal
 * received, workflow tasks) are not steps: the code's commands are not compared with them.
 */
final class RecordedStep
{
    /** The search attribute the core upserts next to a patch marker; the code never asked for it. */
    private const PATCH_SEARCH_ATTRIBUTE = 'TemporalChangeVersion';

    /**
     * @param string $eventType the event's type without its prefix, e.g. "ActivityTaskScheduled"
     * @param ?string $name activity type, child workflow type, signal name, patch id; null where the kind has none
     * @param ?string $detail a timer's duration ("30s"), a target workflow id, a failure's message, "deprecated"
     *     for a deprecated patch
     * @param ?string $source "file:line" of the call that produced it, when the worker wrote it into the event's
     *     user metadata (WorkerOptions::withNondeterminismExplainer(sourceInHistory: true))
     */
    public function __construct(
        public readonly int $eventId,
        public readonly string $eventType,
        public readonly StepKind $kind,
        public readonly ?string $name = null,
        public readonly ?string $detail = null,
        public readonly ?string $source = null,
    ) {
    }

    /**
     * The steps of a history, in event order.
     *
     * @param ?DataConverter $converter decodes the sources in the events' metadata (the default converter if null)
     * @return list<self>
     */
    public static function fromHistory(History $history, ?DataConverter $converter = null): array
    {
        $steps = [];
        $activityTypes = [];
        $converter ??= DataConverter::default();
        foreach ($history->getEvents() as $event) {
            $step = self::fromEvent($event, $activityTypes, $converter);
            if ($step === null || self::isPatchUpsert($event, end($steps) ?: null)) {
                continue;
            }
            if ($step->kind === StepKind::Activity) {
                // A cancel request names its activity only by the scheduling event.
                $activityTypes[$step->eventId] = $step->name;
            }
            $steps[] = $step;
        }
        return $steps;
    }

    /** Whether the core skips this step when the code does not produce it: a deprecated patch. */
    public function isDeprecatedPatch(): bool
    {
        return $this->kind === StepKind::PatchMarker && $this->detail === 'deprecated';
    }

    /** @param array<int, ?string> $activityTypes activity type by scheduling event id */
    private static function fromEvent(HistoryEvent $event, array $activityTypes, DataConverter $converter): ?self
    {
        $attributes = (string) $event->getAttributes();
        $id = (int) $event->getEventId();
        $type = self::eventTypeName($attributes);
        $source = self::source($event, $converter);
        $step = fn (StepKind $kind, ?string $name = null, ?string $detail = null): self
            => new self($id, $type, $kind, $name, $detail, $source);
        return match ($attributes) {
            'activity_task_scheduled_event_attributes' => $step(StepKind::Activity,
                $event->getActivityTaskScheduledEventAttributes()->getActivityType()?->getName()),
            'activity_task_cancel_requested_event_attributes' => $step(StepKind::RequestCancelActivity,
                $activityTypes[(int) $event->getActivityTaskCancelRequestedEventAttributes()->getScheduledEventId()] ?? null),
            'timer_started_event_attributes' => $step(StepKind::Timer, null,
                StepFormat::duration($event->getTimerStartedEventAttributes()->getStartToFireTimeout())),
            'timer_canceled_event_attributes' => $step(StepKind::CancelTimer),
            'start_child_workflow_execution_initiated_event_attributes' => self::child($event, $step),
            'signal_external_workflow_execution_initiated_event_attributes' => self::signal($event, $step),
            'request_cancel_external_workflow_execution_initiated_event_attributes' => self::cancelExternal($event, $step),
            'marker_recorded_event_attributes' => RecordedMarker::toStep($event->getMarkerRecordedEventAttributes(), $step),
            'upsert_workflow_search_attributes_event_attributes' => $step(StepKind::UpsertSearchAttributes, null,
                StepFormat::keys(self::upsertedFields($event))),
            'workflow_properties_modified_event_attributes' => $step(StepKind::ModifyProperties, null,
                StepFormat::keys($event->getWorkflowPropertiesModifiedEventAttributes()->getUpsertedMemo()?->getFields())),
            'workflow_execution_completed_event_attributes' => $step(StepKind::Complete),
            'workflow_execution_failed_event_attributes' => $step(StepKind::Fail, null,
                StepFormat::orNull($event->getWorkflowExecutionFailedEventAttributes()->getFailure()?->getMessage())),
            'workflow_execution_continued_as_new_event_attributes' => $step(StepKind::ContinueAsNew,
                StepFormat::orNull($event->getWorkflowExecutionContinuedAsNewEventAttributes()->getWorkflowType()?->getName())),
            'workflow_execution_canceled_event_attributes' => $step(StepKind::CancelWorkflow),
            default => null,
        };
    }

    /** @param \Closure(StepKind, ?string=, ?string=): self $step */
    private static function child(HistoryEvent $event, \Closure $step): self
    {
        $child = $event->getStartChildWorkflowExecutionInitiatedEventAttributes();
        return $step(StepKind::ChildWorkflow, $child->getWorkflowType()?->getName(), StepFormat::orNull($child->getWorkflowId()));
    }

    /** @param \Closure(StepKind, ?string=, ?string=): self $step */
    private static function signal(HistoryEvent $event, \Closure $step): self
    {
        $signal = $event->getSignalExternalWorkflowExecutionInitiatedEventAttributes();
        return $step(StepKind::SignalExternal, $signal->getSignalName(),
            StepFormat::orNull($signal->getWorkflowExecution()?->getWorkflowId()));
    }

    /** @param \Closure(StepKind, ?string=, ?string=): self $step */
    private static function cancelExternal(HistoryEvent $event, \Closure $step): self
    {
        $cancel = $event->getRequestCancelExternalWorkflowExecutionInitiatedEventAttributes();
        // The core cancels a child through this same event, flagged child-only.
        $kind = $cancel->getChildWorkflowOnly() ? StepKind::CancelChildWorkflow : StepKind::CancelExternal;
        return $step($kind, null, StepFormat::orNull($cancel->getWorkflowExecution()?->getWorkflowId()));
    }

    /** What a worker wrote in the event's metadata details; null for any other content, or none. */
    private static function source(HistoryEvent $event, DataConverter $converter): ?string
    {
        $details = $event->getUserMetadata()?->getDetails();
        try {
            $source = $details === null ? null : $converter->fromPayload($details, '?string');
        } catch (\Throwable) {
            return null;  // details of another SDK's making, or sealed by a codec this converter lacks
        }
        return \is_string($source) && preg_match('/:\d+$/', $source) === 1 ? $source : null;
    }

    /** The core follows a patch marker with its own search attribute upsert, which the core skips on replay. */
    private static function isPatchUpsert(HistoryEvent $event, ?self $previous): bool
    {
        if ($previous?->kind !== StepKind::PatchMarker || !$event->hasUpsertWorkflowSearchAttributesEventAttributes()) {
            return false;
        }
        $fields = self::upsertedFields($event);
        return $fields !== null && isset($fields[self::PATCH_SEARCH_ATTRIBUTE]);
    }

    /** @return ?iterable<string, mixed> */
    private static function upsertedFields(HistoryEvent $event): ?iterable
    {
        return $event->getUpsertWorkflowSearchAttributesEventAttributes()?->getSearchAttributes()?->getIndexedFields();
    }

    /** "activity_task_scheduled_event_attributes" => "ActivityTaskScheduled" */
    private static function eventTypeName(string $attributes): string
    {
        $words = explode('_', (string) preg_replace('/_event_attributes$/', '', $attributes));
        return implode('', array_map('ucfirst', $words));
    }
}
