<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;
use TrueAsync\Temporal\Exception\WorkflowContinuedAsNewException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;

/**
 * Turns the event that closed a workflow run into its result, or into the exception that says why there is
 * none.
 *
 * @internal
 */
final class CloseEventMapper
{
    public function __construct(private DataConverter $converter)
    {
    }

    /**
     * @param ?string $resultType the PHP type to decode the result into (see PayloadConverter::fromPayload())
     * @return mixed the decoded result of a completed run (null when it returned nothing)
     * @throws WorkflowFailedException the run failed, was cancelled, terminated or timed out
     * @throws WorkflowContinuedAsNewException the run continued as a new run
     * @throws DataConverterException the result or failure details cannot be decoded
     * @throws \UnexpectedValueException $event is not a close event
     */
    public function toResult(
        HistoryEvent $event,
        WorkflowExecution $execution,
        ?string $workflowType,
        ?string $resultType = null,
    ): mixed
    {
        $type = $event->getEventType();
        if ($type === EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED) {
            $result = $event->getWorkflowExecutionCompletedEventAttributes()->getResult();
            return $this->converter->fromPayloads($result, [$resultType])[0] ?? null;
        }
        if ($type === EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
            $newRunId = $event->getWorkflowExecutionContinuedAsNewEventAttributes()->getNewExecutionRunId();
            throw WorkflowContinuedAsNewException::forRun($execution, $newRunId);
        }
        throw WorkflowFailedException::create($execution, $workflowType, $this->failureOf($event));
    }

    /**
     * The run that $event hands over to: after continue-as-new, a retry of a failed or timed-out run, or the
     * next cron run; null when the chain ends here.
     */
    public static function nextRunId(HistoryEvent $event): ?string
    {
        $runId = match ($event->getEventType()) {
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                => $event->getWorkflowExecutionContinuedAsNewEventAttributes()->getNewExecutionRunId(),
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED
                => $event->getWorkflowExecutionCompletedEventAttributes()->getNewExecutionRunId(),
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED
                => $event->getWorkflowExecutionFailedEventAttributes()->getNewExecutionRunId(),
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT
                => $event->getWorkflowExecutionTimedOutEventAttributes()->getNewExecutionRunId(),
            default => '',
        };
        return $runId === '' ? null : $runId;
    }

    private function failureOf(HistoryEvent $event): TemporalFailure
    {
        switch ($event->getEventType()) {
            case EventType::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
                $failure = $event->getWorkflowExecutionFailedEventAttributes()->getFailure();
                return $this->converter->getFailureConverter()->toException($failure, $this->converter);
            case EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
                $details = $event->getWorkflowExecutionCanceledEventAttributes()->getDetails();
                return CanceledFailure::create('Workflow cancelled', $this->converter->fromPayloads($details));
            case EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
                $reason = $event->getWorkflowExecutionTerminatedEventAttributes()->getReason();
                return TerminatedFailure::create($reason === '' ? 'Workflow terminated' : $reason);
            case EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
                return TimeoutFailure::create('Workflow timed out', TimeoutType::StartToClose);
        }
        throw new \UnexpectedValueException(
            'Not a workflow close event: ' . EventType::name($event->getEventType()),
        );
    }
}
