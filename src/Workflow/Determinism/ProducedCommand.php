<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;

/**
 * One command the workflow code emitted on replay, in emission order, with the user's line that emitted it.
 */
final class ProducedCommand
{
    /**
     * @param ?string $name activity type, child workflow type, signal name, patch id; null where the kind has none
     * @param ?string $detail what the table shows beside the name: a timer's duration ("30s"), a target
     *     workflow id, a failure's message, the keys of an upsert
     * @param ?string $file the user's file that emitted the command (the first frame outside the SDK)
     * @param ?int $line its line, from 1
     * @param ?int $seq the core's sequence number of the command, or of the command a cancel cancels: it pairs
     *     a cancel with what it cancels, since the core records neither when both leave in one activation
     * @throws \ValueError $line is below 1
     */
    public function __construct(
        public readonly StepKind $kind,
        public readonly ?string $name = null,
        public readonly ?string $detail = null,
        public readonly ?string $file = null,
        public readonly ?int $line = null,
        public readonly ?int $seq = null,
    ) {
        if ($line !== null && $line < 1) {
            throw new \ValueError("ProducedCommand: \$line must be at least 1, got $line");
        }
    }

    /**
     * Reads a command as the engine hands it to the core.
     *
     * @throws \ValueError the command has no variant, or one this SDK never emits (Nexus operations)
     */
    public static function fromCommand(WorkflowCommand $command, ?string $file, ?int $line): self
    {
        $variant = (string) $command->getVariant();
        [$kind, $name, $detail, $seq] = match ($variant) {
            'start_timer' => self::timer($command),
            'schedule_activity' => self::activity($command),
            'schedule_local_activity' => self::localActivity($command),
            'start_child_workflow_execution' => self::child($command),
            'signal_external_workflow_execution' => self::signal($command),
            'request_cancel_external_workflow_execution' => self::cancelExternal($command),
            'cancel_timer' => self::cancel(StepKind::CancelTimer, $command->getCancelTimer()->getSeq()),
            'request_cancel_activity' => self::cancel(StepKind::RequestCancelActivity, $command->getRequestCancelActivity()->getSeq()),
            'request_cancel_local_activity' =>
                self::cancel(StepKind::RequestCancelLocalActivity, $command->getRequestCancelLocalActivity()->getSeq()),
            'cancel_child_workflow_execution' =>
                self::cancel(StepKind::CancelChildWorkflow, $command->getCancelChildWorkflowExecution()->getChildWorkflowSeq()),
            'cancel_signal_workflow' => self::cancel(StepKind::CancelSignalExternal, $command->getCancelSignalWorkflow()->getSeq()),
            'set_patch_marker' => self::patch($command),
            'upsert_workflow_search_attributes' => self::upsert($command),
            'modify_workflow_properties' => [StepKind::ModifyProperties, null,
                StepFormat::keys($command->getModifyWorkflowProperties()->getUpsertedMemo()?->getFields()), null],
            'complete_workflow_execution' => [StepKind::Complete, null, null, null],
            'fail_workflow_execution' => [StepKind::Fail, null,
                StepFormat::orNull($command->getFailWorkflowExecution()->getFailure()?->getMessage()), null],
            'continue_as_new_workflow_execution' => [StepKind::ContinueAsNew,
                StepFormat::orNull($command->getContinueAsNewWorkflowExecution()->getWorkflowType()), null, null],
            'cancel_workflow_execution' => [StepKind::CancelWorkflow, null, null, null],
            'respond_to_query' => [StepKind::QueryResponse, null, null, null],
            'update_response' => [StepKind::UpdateResponse, null, null, null],
            '' => throw new \ValueError('ProducedCommand::fromCommand(): the command has no variant'),
            default => throw new \ValueError("ProducedCommand::fromCommand(): '$variant' is not a command this SDK emits"),
        };
        return new self($kind, $name, $detail, $file, $line, $seq);
    }

    /** "src/Orders.php:42", or null when the engine did not know the line. */
    public function location(): ?string
    {
        if ($this->file === null) {
            return null;
        }
        return $this->line === null ? $this->file : "$this->file:$this->line";
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function timer(WorkflowCommand $command): array
    {
        $timer = $command->getStartTimer();
        return [StepKind::Timer, null, StepFormat::duration($timer->getStartToFireTimeout()), $timer->getSeq()];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function activity(WorkflowCommand $command): array
    {
        $activity = $command->getScheduleActivity();
        return [StepKind::Activity, $activity->getActivityType(), null, $activity->getSeq()];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function localActivity(WorkflowCommand $command): array
    {
        $activity = $command->getScheduleLocalActivity();
        return [StepKind::LocalActivity, $activity->getActivityType(), null, $activity->getSeq()];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function child(WorkflowCommand $command): array
    {
        $child = $command->getStartChildWorkflowExecution();
        $workflowId = StepFormat::orNull($child->getWorkflowId());
        return [StepKind::ChildWorkflow, $child->getWorkflowType(), $workflowId, $child->getSeq()];
    }

    /**
     * A cancel carries the seq of what it cancels.
     *
     * @return array{StepKind, ?string, ?string, ?int}
     */
    private static function cancel(StepKind $kind, int $seq): array
    {
        return [$kind, null, null, $seq];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function upsert(WorkflowCommand $command): array
    {
        $attributes = $command->getUpsertWorkflowSearchAttributes()->getSearchAttributes();
        return [StepKind::UpsertSearchAttributes, null, StepFormat::keys($attributes?->getIndexedFields()), null];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function signal(WorkflowCommand $command): array
    {
        $signal = $command->getSignalExternalWorkflowExecution();
        $target = $signal->getWorkflowExecution()?->getWorkflowId() ?? $signal->getChildWorkflowId();
        return [StepKind::SignalExternal, $signal->getSignalName(), StepFormat::orNull($target), $signal->getSeq()];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function cancelExternal(WorkflowCommand $command): array
    {
        $cancel = $command->getRequestCancelExternalWorkflowExecution();
        $target = StepFormat::orNull($cancel->getWorkflowExecution()?->getWorkflowId());
        return [StepKind::CancelExternal, null, $target, $cancel->getSeq()];
    }

    /** @return array{StepKind, ?string, ?string, ?int} */
    private static function patch(WorkflowCommand $command): array
    {
        $patch = $command->getSetPatchMarker();
        return [StepKind::PatchMarker, $patch->getPatchId(), $patch->getDeprecated() ? 'deprecated' : null, null];
    }
}
