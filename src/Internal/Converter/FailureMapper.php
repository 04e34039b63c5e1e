<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\ActivityFailure;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\ChildWorkflowFailure;
use TrueAsync\Temporal\Exception\Failure\GenericFailure;
use TrueAsync\Temporal\Exception\Failure\RetryState;
use TrueAsync\Temporal\Exception\Failure\ServerFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;

/**
 * Turns a temporal.api.failure.v1.Failure, cause chain included, into TemporalFailure exceptions.
 *
 * @internal
 */
final class FailureMapper
{
    public function __construct(private DataConverter $converter)
    {
    }

    /** @throws DataConverterException details or encoded attributes cannot be decoded */
    public function toException(Failure $failure): TemporalFailure
    {
        $cause = $failure->getCause() === null ? null : $this->toException($failure->getCause());
        [$message, $trace] = $this->messageAndStackTrace($failure);
        $kind = (string) $failure->getFailureInfo();
        return match ($kind) {
            'application_failure_info' => $this->application($failure, $message, $cause, $trace),
            'canceled_failure_info' => CanceledFailure::create(
                $message,
                $this->converter->fromPayloads($failure->getCanceledFailureInfo()->getDetails()),
                $cause,
                $trace,
            ),
            'terminated_failure_info' => TerminatedFailure::create($message, $cause, $trace),
            'timeout_failure_info' => TimeoutFailure::create(
                $message,
                TimeoutType::tryFrom($failure->getTimeoutFailureInfo()->getTimeoutType()) ?? TimeoutType::Unspecified,
                $this->converter->fromPayloads($failure->getTimeoutFailureInfo()->getLastHeartbeatDetails()),
                $cause,
                $trace,
            ),
            'server_failure_info' => ServerFailure::create(
                $message,
                $failure->getServerFailureInfo()->getNonRetryable(),
                $cause,
                $trace,
            ),
            'activity_failure_info' => $this->activity($failure, $message, $cause, $trace),
            'child_workflow_execution_failure_info' => $this->childWorkflow($failure, $message, $cause, $trace),
            default => GenericFailure::create($message, $kind, $cause, $trace),
        };
    }

    private function application(
        Failure $failure,
        string $message,
        ?TemporalFailure $cause,
        string $trace,
    ): ApplicationFailure {
        $info = $failure->getApplicationFailureInfo();
        $delay = $info->getNextRetryDelay();
        return ApplicationFailure::create(
            $message,
            $info->getType(),
            $info->getNonRetryable(),
            $this->converter->fromPayloads($info->getDetails()),
            $cause,
            $trace,
            $delay === null ? null : max(0.0, $delay->getSeconds() + $delay->getNanos() / 1e9), // create() refuses < 0
        );
    }

    private function activity(
        Failure $failure,
        string $message,
        ?TemporalFailure $cause,
        string $trace,
    ): ActivityFailure {
        $info = $failure->getActivityFailureInfo();
        return ActivityFailure::create(
            $message,
            (string) $info->getActivityType()?->getName(),
            $info->getActivityId(),
            RetryState::fromProto($info->getRetryState()),
            $info->getIdentity(),
            (int) $info->getScheduledEventId(),
            (int) $info->getStartedEventId(),
            $cause,
            $trace,
        );
    }

    private function childWorkflow(
        Failure $failure,
        string $message,
        ?TemporalFailure $cause,
        string $trace,
    ): ChildWorkflowFailure {
        $info = $failure->getChildWorkflowExecutionFailureInfo();
        $execution = $info->getWorkflowExecution();
        return ChildWorkflowFailure::create(
            $message,
            $info->getNamespace(),
            new WorkflowExecution((string) $execution?->getWorkflowId(), $execution?->getRunId() ?: null),
            (string) $info->getWorkflowType()?->getName(),
            RetryState::fromProto($info->getRetryState()),
            (int) $info->getInitiatedEventId(),
            (int) $info->getStartedEventId(),
            $cause,
            $trace,
        );
    }

    /**
     * A failure converter that encodes common attributes moves the message and stack trace into a payload
     * and leaves "Encoded failure" in the message field.
     *
     * @return array{string, string}
     */
    private function messageAndStackTrace(Failure $failure): array
    {
        $encoded = $failure->getEncodedAttributes();
        if ($encoded === null) {
            return [$failure->getMessage(), $failure->getStackTrace()];
        }
        $attributes = $this->converter->fromPayload($encoded);
        if (!\is_array($attributes)) {
            return [$failure->getMessage(), $failure->getStackTrace()];
        }
        $message = $attributes['message'] ?? null;
        $trace = $attributes['stack_trace'] ?? null;
        return [
            \is_string($message) ? $message : $failure->getMessage(),
            \is_string($trace) ? $trace : $failure->getStackTrace(),
        ];
    }
}
