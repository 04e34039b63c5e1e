<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * What a step of a workflow is, the same word on both sides of the comparison: a command the code emitted
 * on replay, or the history event that such a command recorded. Only what this SDK's engine emits is here.
 */
enum StepKind: string
{
    case Activity = 'activity';
    case LocalActivity = 'local_activity';
    case Timer = 'timer';
    case CancelTimer = 'cancel_timer';
    case RequestCancelActivity = 'request_cancel_activity';
    case RequestCancelLocalActivity = 'request_cancel_local_activity';
    case ChildWorkflow = 'child_workflow';
    case CancelChildWorkflow = 'cancel_child_workflow';
    case SignalExternal = 'signal_external';
    case CancelSignalExternal = 'cancel_signal_external';
    case CancelExternal = 'cancel_external';
    case PatchMarker = 'patch_marker';
    case UpsertSearchAttributes = 'upsert_search_attributes';
    case ModifyProperties = 'modify_properties';
    case Complete = 'complete';
    case Fail = 'fail';
    case ContinueAsNew = 'continue_as_new';
    case CancelWorkflow = 'cancel_workflow';
    case QueryResponse = 'query_response';
    case UpdateResponse = 'update_response';

    /**
     * False for commands history never holds as a command event: query answers, update responses (the update
     * protocol records them, not in command order), and the cancellation of a local activity or of an
     * unsent signal, which the core settles without a command to the server.
     */
    public function isRecorded(): bool
    {
        return !\in_array($this, [
            self::QueryResponse, self::UpdateResponse, self::RequestCancelLocalActivity, self::CancelSignalExternal,
        ], true);
    }

    /**
     * What the core sees this step as: it cancels a child with RequestCancelExternalWorkflowExecution, so
     * both cancellations record the same event.
     */
    public function matchKind(): self
    {
        return $this === self::CancelChildWorkflow ? self::CancelExternal : $this;
    }

    /** Whether the core fails a replay when the name differs (activity and child types, patch ids). */
    public function comparesName(): bool
    {
        return \in_array($this, [self::Activity, self::LocalActivity, self::ChildWorkflow, self::PatchMarker], true);
    }

    /** The kind a cancel command cancels; its seq is that command's seq. */
    public function cancels(): ?self
    {
        return match ($this) {
            self::CancelTimer => self::Timer,
            self::RequestCancelActivity => self::Activity,
            self::RequestCancelLocalActivity => self::LocalActivity,
            self::CancelChildWorkflow => self::ChildWorkflow,
            self::CancelSignalExternal => self::SignalExternal,
            default => null,
        };
    }

    /** Whether the step ends the run: nothing is recorded after it. */
    public function isTerminal(): bool
    {
        return \in_array($this, [self::Complete, self::Fail, self::ContinueAsNew, self::CancelWorkflow], true);
    }

    /** The noun of a sentence: "activity 'charge'", "timer". */
    public function describe(?string $name): string
    {
        $noun = $this->noun();
        return $name !== null && $name !== '' && $this->comparesNameOrShowsIt() ? "$noun '$name'" : $noun;
    }

    /** The noun with an article where it has no name: "a timer", but "activity 'charge'". */
    public function describeIndefinite(?string $name): string
    {
        $described = $this->describe($name);
        if ($described !== $this->noun()) {
            return $described;
        }
        return (preg_match('/^[aeiou]/', $described) === 1 ? 'an ' : 'a ') . $described;
    }

    /** What the code no longer does when the step is gone: "scheduled", "started", "sent". */
    public function participle(): string
    {
        return match ($this) {
            self::Activity, self::LocalActivity => 'scheduled',
            self::Timer, self::ChildWorkflow => 'started',
            self::SignalExternal => 'sent',
            self::CancelTimer, self::RequestCancelActivity, self::RequestCancelLocalActivity,
            self::CancelChildWorkflow, self::CancelSignalExternal, self::CancelExternal => 'requested',
            self::PatchMarker => 'recorded',
            self::UpsertSearchAttributes, self::ModifyProperties => 'made',
            self::Complete, self::Fail, self::ContinueAsNew, self::CancelWorkflow => 'reached',
            self::QueryResponse, self::UpdateResponse => 'sent',
        };
    }

    private function noun(): string
    {
        return match ($this) {
            self::Activity => 'activity',
            self::LocalActivity => 'local activity',
            self::Timer => 'timer',
            self::CancelTimer => 'timer cancellation',
            self::RequestCancelActivity => 'activity cancellation',
            self::RequestCancelLocalActivity => 'local activity cancellation',
            self::ChildWorkflow => 'child workflow',
            self::CancelChildWorkflow => 'child workflow cancellation',
            self::SignalExternal => 'signal',
            self::CancelSignalExternal => 'signal cancellation',
            self::CancelExternal => 'external workflow cancellation',
            self::PatchMarker => 'patch',
            self::UpsertSearchAttributes => 'search attribute upsert',
            self::ModifyProperties => 'memo update',
            self::Complete => 'workflow completion',
            self::Fail => 'workflow failure',
            self::ContinueAsNew => 'continue-as-new',
            self::CancelWorkflow => 'workflow cancellation',
            self::QueryResponse => 'query response',
            self::UpdateResponse => 'update response',
        };
    }

    /** A signal's name is not compared, but it is what a reader knows the call by. */
    private function comparesNameOrShowsIt(): bool
    {
        return $this->comparesName() || $this === self::SignalExternal || $this === self::ContinueAsNew;
    }
}
