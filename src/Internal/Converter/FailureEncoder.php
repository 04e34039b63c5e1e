<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Common\V1\ActivityType;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Failure\V1\ActivityFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\ApplicationFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\CanceledFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\ChildWorkflowExecutionFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Api\Failure\V1\ServerFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\TerminatedFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\TimeoutFailureInfo;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\ActivityFailure;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\ChildWorkflowFailure;
use TrueAsync\Temporal\Exception\Failure\ServerFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * Turns an exception, previous chain included, into a temporal.api.failure.v1.Failure.
 *
 * @internal
 */
final class FailureEncoder
{
    public const SOURCE = 'TrueAsyncPHPSDK';
    private const MAX_DEPTH = 64;

    public function __construct(private DataConverter $converter, private bool $encodeCommonAttributes)
    {
    }

    /** @throws DataConverterException details cannot be encoded */
    public function toFailure(\Throwable $exception, int $depth = 0): Failure
    {
        $failure = new Failure(['message' => $exception->getMessage(), 'source' => self::SOURCE]);
        $trace = $exception instanceof TemporalFailure ? $exception->getOriginalStackTrace() : '';
        $failure->setStackTrace($trace !== '' ? $trace : $exception->getTraceAsString());
        $this->setInfo($failure, $exception);
        $previous = $exception->getPrevious();
        if ($previous !== null && $depth < self::MAX_DEPTH) {
            $failure->setCause($this->toFailure($previous, $depth + 1));
        }
        if ($this->encodeCommonAttributes) {
            $failure->setEncodedAttributes($this->converter->toPayload(
                ['message' => $failure->getMessage(), 'stack_trace' => $failure->getStackTrace()],
                'failure message',
            ));
            $failure->setMessage('Encoded failure');
            $failure->setStackTrace('');
        }
        return $failure;
    }

    private function setInfo(Failure $failure, \Throwable $e): void
    {
        match (true) {
            $e instanceof ApplicationFailure => $failure->setApplicationFailureInfo($this->application($e)),
            $e instanceof CanceledFailure => $failure->setCanceledFailureInfo(
                (new CanceledFailureInfo())->setDetails($this->payloads($e->getDetails())),
            ),
            $e instanceof TerminatedFailure => $failure->setTerminatedFailureInfo(new TerminatedFailureInfo()),
            $e instanceof TimeoutFailure => $failure->setTimeoutFailureInfo(
                (new TimeoutFailureInfo(['timeout_type' => $e->getTimeoutType()->value]))
                    ->setLastHeartbeatDetails($this->payloads($e->getLastHeartbeatDetails())),
            ),
            $e instanceof ServerFailure => $failure->setServerFailureInfo(
                new ServerFailureInfo(['non_retryable' => $e->isNonRetryable()]),
            ),
            $e instanceof ActivityFailure => $failure->setActivityFailureInfo($this->activity($e)),
            $e instanceof ChildWorkflowFailure => $failure->setChildWorkflowExecutionFailureInfo($this->child($e)),
            $e instanceof TemporalFailure => null, // GenericFailure: a kind we cannot rebuild, so none
            default => $failure->setApplicationFailureInfo(new ApplicationFailureInfo(['type' => $e::class])),
        };
    }

    private function application(ApplicationFailure $e): ApplicationFailureInfo
    {
        $info = new ApplicationFailureInfo(['type' => $e->getType(), 'non_retryable' => $e->isNonRetryable()]);
        $info->setDetails($this->payloads($e->getDetails()));
        if ($e->getNextRetryDelay() !== null) {
            $info->setNextRetryDelay(ProtoTime::toDuration($e->getNextRetryDelay()));
        }
        return $info;
    }

    private function activity(ActivityFailure $e): ActivityFailureInfo
    {
        return new ActivityFailureInfo([
            'activity_type' => new ActivityType(['name' => $e->getActivityType()]),
            'activity_id' => $e->getActivityId(),
            'identity' => $e->getIdentity(),
            'retry_state' => $e->getRetryState()->value,
            'scheduled_event_id' => $e->getScheduledEventId(),
            'started_event_id' => $e->getStartedEventId(),
        ]);
    }

    private function child(ChildWorkflowFailure $e): ChildWorkflowExecutionFailureInfo
    {
        return new ChildWorkflowExecutionFailureInfo([
            'namespace' => $e->getNamespace(),
            'workflow_execution' => $e->getExecution()->toMessage(),
            'workflow_type' => new WorkflowType(['name' => $e->getWorkflowType()]),
            'retry_state' => $e->getRetryState()->value,
            'initiated_event_id' => $e->getInitiatedEventId(),
            'started_event_id' => $e->getStartedEventId(),
        ]);
    }

    /** @param list<mixed> $values */
    private function payloads(array $values): ?Payloads
    {
        return $values === [] ? null : $this->converter->toPayloads($values, 'failure detail');
    }
}
