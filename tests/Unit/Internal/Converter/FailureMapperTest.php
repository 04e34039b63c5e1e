<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal\Converter;

use PHPUnit\Framework\TestCase;
use Google\Protobuf\Duration;
use TrueAsync\Temporal\Api\Common\V1\ActivityType;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Enums\V1\RetryState as RetryStateProto;
use TrueAsync\Temporal\Api\Enums\V1\TimeoutType as TimeoutTypeProto;
use TrueAsync\Temporal\Api\Failure\V1\ActivityFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\ApplicationFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\CanceledFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\ChildWorkflowExecutionFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Api\Failure\V1\ServerFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\TerminatedFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\TimeoutFailureInfo;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\ActivityFailure;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\ChildWorkflowFailure;
use TrueAsync\Temporal\Exception\Failure\GenericFailure;
use TrueAsync\Temporal\Exception\Failure\RetryState;
use TrueAsync\Temporal\Exception\Failure\ServerFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;
use TrueAsync\Temporal\Internal\Converter\FailureMapper;

final class FailureMapperTest extends TestCase
{
    public function testApplicationFailureKeepsTypeDetailsRetryabilityAndStackTrace(): void
    {
        $failure = new Failure([
            'message' => 'card declined',
            'stack_trace' => "  File \"wf.py\", line 3\n",
            'application_failure_info' => new ApplicationFailureInfo([
                'type' => 'PaymentError',
                'non_retryable' => true,
                'details' => DataConverter::default()->toPayloads(['detail-1', 42]),
            ]),
        ]);

        $exception = self::mapper()->toException($failure);

        $this->assertInstanceOf(ApplicationFailure::class, $exception);
        $this->assertSame('card declined', $exception->getMessage());
        $this->assertSame('PaymentError', $exception->getType());
        $this->assertTrue($exception->isNonRetryable());
        $this->assertSame(['detail-1', 42], $exception->getDetails());
        $this->assertSame("  File \"wf.py\", line 3\n", $exception->getOriginalStackTrace());
        $this->assertNull($exception->getPrevious());
    }

    public function testTheCauseChainBecomesPreviousExceptions(): void
    {
        $failure = new Failure([
            'message' => 'activity failed',
            'activity_failure_info' => new ActivityFailureInfo([
                'activity_id' => '1',
                'activity_type' => new ActivityType(['name' => 'charge']),
                'retry_state' => RetryStateProto::RETRY_STATE_TIMEOUT,
                'identity' => 'worker-1',
                'scheduled_event_id' => 5,
                'started_event_id' => 6,
            ]),
            'cause' => new Failure([
                'message' => 'timed out',
                'timeout_failure_info' => new TimeoutFailureInfo([
                    'timeout_type' => TimeoutTypeProto::TIMEOUT_TYPE_HEARTBEAT,
                    'last_heartbeat_details' => DataConverter::default()->toPayloads([7]),
                ]),
            ]),
        ]);

        $exception = self::mapper()->toException($failure);

        $this->assertInstanceOf(ActivityFailure::class, $exception);
        $this->assertSame(['charge', '1', RetryState::Timeout, 'worker-1', 5, 6], [
            $exception->getActivityType(),
            $exception->getActivityId(),
            $exception->getRetryState(),
            $exception->getIdentity(),
            $exception->getScheduledEventId(),
            $exception->getStartedEventId(),
        ]);
        $cause = $exception->getPrevious();
        $this->assertInstanceOf(TimeoutFailure::class, $cause);
        $this->assertSame(TimeoutType::Heartbeat, $cause->getTimeoutType());
        $this->assertSame([7], $cause->getLastHeartbeatDetails());
    }

    public function testCanceledAndTerminatedFailuresMapToTheirClasses(): void
    {
        $canceled = self::mapper()->toException(new Failure([
            'message' => 'cancelled',
            'canceled_failure_info' => new CanceledFailureInfo([
                'details' => DataConverter::default()->toPayloads(['why']),
            ]),
        ]));
        $terminated = self::mapper()->toException(new Failure([
            'message' => 'terminated',
            'terminated_failure_info' => new TerminatedFailureInfo(),
        ]));

        $this->assertInstanceOf(CanceledFailure::class, $canceled);
        $this->assertSame(['why'], $canceled->getDetails());
        $this->assertInstanceOf(TerminatedFailure::class, $terminated);
        $this->assertSame('terminated', $terminated->getMessage());
    }

    public function testEncodedAttributesReplaceMessageAndStackTrace(): void
    {
        $failure = new Failure([
            'message' => 'Encoded failure',
            'encoded_attributes' => DataConverter::default()->toPayload([
                'message' => 'real message',
                'stack_trace' => 'at x',
            ]),
            'application_failure_info' => new ApplicationFailureInfo(['type' => 'E']),
        ]);

        $exception = self::mapper()->toException($failure);

        $this->assertSame('real message', $exception->getMessage());
        $this->assertSame('at x', $exception->getOriginalStackTrace());
    }

    public function testChildWorkflowAndServerFailuresMapToTheirClasses(): void
    {
        $failure = new Failure([
            'message' => 'child failed',
            'child_workflow_execution_failure_info' => new ChildWorkflowExecutionFailureInfo([
                'namespace' => 'ns',
                'workflow_execution' => new WorkflowExecution(['workflow_id' => 'c', 'run_id' => 'r']),
                'workflow_type' => new WorkflowType(['name' => 'Child']),
                'retry_state' => RetryStateProto::RETRY_STATE_NON_RETRYABLE_FAILURE,
            ]),
            'cause' => new Failure([
                'message' => 'server said no',
                'server_failure_info' => new ServerFailureInfo(['non_retryable' => true]),
            ]),
        ]);

        $exception = self::mapper()->toException($failure);

        $this->assertInstanceOf(ChildWorkflowFailure::class, $exception);
        $this->assertSame('ns', $exception->getNamespace());
        $this->assertSame('c', $exception->getExecution()->getWorkflowId());
        $this->assertSame('r', $exception->getExecution()->getRunId());
        $this->assertSame('Child', $exception->getWorkflowType());
        $this->assertSame(RetryState::NonRetryableFailure, $exception->getRetryState());
        $cause = $exception->getPrevious();
        $this->assertInstanceOf(ServerFailure::class, $cause);
        $this->assertTrue($cause->isNonRetryable());
    }

    public function testNextRetryDelayIsReadInSeconds(): void
    {
        $exception = self::mapper()->toException(new Failure([
            'message' => 'later',
            'application_failure_info' => new ApplicationFailureInfo([
                'next_retry_delay' => new Duration(['seconds' => 2, 'nanos' => 500_000_000]),
            ]),
        ]));

        $this->assertInstanceOf(ApplicationFailure::class, $exception);
        $this->assertSame(2.5, $exception->getNextRetryDelay());
    }

    public function testAFailureWithoutInfoIsGeneric(): void
    {
        $exception = self::mapper()->toException(new Failure(['message' => 'bare']));

        $this->assertInstanceOf(GenericFailure::class, $exception);
        $this->assertSame('', $exception->getKind());
        $this->assertSame('bare', $exception->getMessage());
    }

    private static function mapper(): FailureMapper
    {
        return new FailureMapper(DataConverter::default());
    }
}
