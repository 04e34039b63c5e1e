<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Schedule;

use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Schedule\V1\Schedule as ScheduleMessage;
use TrueAsync\Temporal\Api\Schedule\V1\ScheduleAction as ScheduleActionMessage;
use TrueAsync\Temporal\Api\Schedule\V1\SchedulePolicies as SchedulePoliciesMessage;
use TrueAsync\Temporal\Api\Schedule\V1\ScheduleState as ScheduleStateMessage;
use TrueAsync\Temporal\Api\Workflow\V1\NewWorkflowExecutionInfo;
use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\SchedulePolicies;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\HeaderMessage;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\RetryPolicy;

/**
 * Schedule to and from temporal.api.schedule.v1.Schedule. The action's workflow is described by the same
 * code that builds a start request (StartRequestFactory), so a scheduled start and a direct one agree.
 *
 * @internal
 */
final class ScheduleMapper
{
    /**
     * @param ?Header $header what every workflow the schedule starts receives (an interceptor's); null: none
     * @throws DataConverterException an argument or memo value cannot be encoded
     */
    public static function toMessage(
        Schedule $schedule,
        DataConverter $converter,
        ?Header $header = null,
    ): ScheduleMessage {
        $policies = $schedule->getPolicies();
        $policiesMessage = new SchedulePoliciesMessage([
            'overlap_policy' => $policies->getOverlap()->value,
            'pause_on_failure' => $policies->isPauseOnFailure(),
        ]);
        if ($policies->getCatchupWindow() > 0) {
            $policiesMessage->setCatchupWindow(ProtoTime::toDuration($policies->getCatchupWindow()));
        }
        $state = $schedule->getState();
        return new ScheduleMessage([
            'spec' => ScheduleSpecMapper::toMessage($schedule->getSpec()),
            'action' => new ScheduleActionMessage([
                'start_workflow' => self::workflowInfo($schedule->getAction(), $converter, $header),
            ]),
            'policies' => $policiesMessage,
            'state' => new ScheduleStateMessage([
                'paused' => $state->isPaused(),
                'notes' => $state->getNote(),
                'limited_actions' => $state->hasLimitedActions(),
                'remaining_actions' => $state->getRemainingActions() ?? 0,
            ]),
        ]);
    }

    /**
     * @throws DataConverterException an argument or memo value cannot be decoded
     * @throws \UnexpectedValueException the schedule's action does not start a workflow (no other kind exists yet)
     */
    public static function fromMessage(ScheduleMessage $message, DataConverter $converter): Schedule
    {
        $workflow = $message->getAction()?->getStartWorkflow()
            ?? throw new \UnexpectedValueException('The schedule has no start-workflow action');
        $policiesMessage = $message->getPolicies() ?? new SchedulePoliciesMessage();
        $policies = SchedulePolicies::new()
            ->withOverlap(ScheduleOverlapPolicy::tryFrom($policiesMessage->getOverlapPolicy())
                ?? ScheduleOverlapPolicy::Unspecified)
            ->withCatchupWindow(ProtoTime::durationSeconds($policiesMessage->getCatchupWindow()))
            ->withPauseOnFailure($policiesMessage->getPauseOnFailure());
        $stateMessage = $message->getState() ?? new ScheduleStateMessage();
        $state = ScheduleState::new()
            ->withPaused($stateMessage->getPaused(), $stateMessage->getNotes())
            ->withRemainingActions(
                $stateMessage->getLimitedActions() ? (int) $stateMessage->getRemainingActions() : null,
            );
        $spec = ScheduleSpecMapper::fromMessage($message->getSpec());
        return Schedule::new(self::action($workflow, $converter), $spec)
            ->withPolicies($policies)
            ->withState($state);
    }

    private static function workflowInfo(
        ScheduleAction $action,
        DataConverter $converter,
        ?Header $header,
    ): NewWorkflowExecutionInfo {
        $args = $action->getArgs();
        $start = StartRequestFactory::create(
            '',
            '',
            $action->getWorkflowType(),
            $args === [] ? null : $converter->toPayloads($args),
            $action->getOptions(),
            $converter,
        );
        $info = new NewWorkflowExecutionInfo([
            'workflow_id' => $start->getWorkflowId(),
            'workflow_type' => $start->getWorkflowType(),
            'task_queue' => $start->getTaskQueue(),
            'workflow_id_reuse_policy' => $start->getWorkflowIdReusePolicy(),
            'cron_schedule' => $start->getCronSchedule(),
        ]);
        $info->setInput($start->getInput());
        $info->setWorkflowExecutionTimeout($start->getWorkflowExecutionTimeout());
        $info->setWorkflowRunTimeout($start->getWorkflowRunTimeout());
        $info->setWorkflowTaskTimeout($start->getWorkflowTaskTimeout());
        $info->setRetryPolicy($start->getRetryPolicy());
        $info->setMemo($start->getMemo());
        $info->setSearchAttributes($start->getSearchAttributes());
        $info->setUserMetadata($start->getUserMetadata());
        $info->setHeader($header === null ? null : HeaderMessage::of($header));
        return $info;
    }

    /**
     * @return array<string, mixed> each memo value decoded to its natural PHP value
     * @throws DataConverterException a value cannot be decoded
     */
    public static function memoValues(?Memo $memo, DataConverter $converter): array
    {
        $values = [];
        foreach ($memo?->getFields() ?? [] as $name => $payload) {
            $values[$name] = $converter->fromPayload($payload);
        }
        return $values;
    }

    private static function action(NewWorkflowExecutionInfo $info, DataConverter $converter): ScheduleAction
    {
        $options = WorkflowOptions::new()
            ->withWorkflowId($info->getWorkflowId())
            ->withTaskQueue($info->getTaskQueue()?->getName() ?? '')
            ->withWorkflowExecutionTimeout(ProtoTime::durationSeconds($info->getWorkflowExecutionTimeout()))
            ->withWorkflowRunTimeout(ProtoTime::durationSeconds($info->getWorkflowRunTimeout()))
            ->withWorkflowTaskTimeout(ProtoTime::durationSeconds($info->getWorkflowTaskTimeout()))
            ->withCronSchedule($info->getCronSchedule());
        if ($info->getRetryPolicy() !== null) {
            $options = $options->withRetryPolicy(RetryPolicy::fromMessage($info->getRetryPolicy()));
        }
        $options = $options->withMemo(self::memoValues($info->getMemo(), $converter));
        if ($info->getSearchAttributes() !== null) {
            $options = $options->withSearchAttributes(SearchAttributeCodec::fromMessage($info->getSearchAttributes()));
        }
        $metadata = $info->getUserMetadata();
        if ($metadata !== null) {
            $summary = $metadata->getSummary();
            $details = $metadata->getDetails();
            $options = $options
                ->withStaticSummary($summary === null ? null : (string) $converter->fromPayload($summary))
                ->withStaticDetails($details === null ? null : (string) $converter->fromPayload($details));
        }
        $type = $info->getWorkflowType()?->getName() ?? '';
        return ScheduleAction::startWorkflow($type, $converter->fromPayloads($info->getInput()), $options);
    }
}
