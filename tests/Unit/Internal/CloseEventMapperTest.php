<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\Failure\V1\ApplicationFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionCanceledEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionCompletedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionContinuedAsNewEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionFailedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionTerminatedEventAttributes;
use TrueAsync\Temporal\Api\History\V1\WorkflowExecutionTimedOutEventAttributes;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;
use TrueAsync\Temporal\Exception\WorkflowContinuedAsNewException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Internal\CloseEventMapper;

final class CloseEventMapperTest extends TestCase
{
    public function testCompletedEventYieldsTheDecodedResult(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
            'workflow_execution_completed_event_attributes' => new WorkflowExecutionCompletedEventAttributes([
                'result' => DataConverter::default()->toPayloads([['total' => 12.5]]),
            ]),
        ]);

        $this->assertSame(['total' => 12.5], self::toResult($event));
    }

    public function testCompletedEventWithoutResultYieldsNull(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
            'workflow_execution_completed_event_attributes' => new WorkflowExecutionCompletedEventAttributes(),
        ]);

        $this->assertNull(self::toResult($event));
    }

    public function testFailedEventThrowsWithTheMappedFailure(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
            'workflow_execution_failed_event_attributes' => new WorkflowExecutionFailedEventAttributes([
                'failure' => new Failure([
                    'message' => 'boom',
                    'application_failure_info' => new ApplicationFailureInfo(['type' => 'MyError']),
                ]),
            ]),
        ]);

        $failure = self::failureOf($event);

        $this->assertInstanceOf(ApplicationFailure::class, $failure);
        $this->assertSame('MyError', $failure->getType());
    }

    public function testCanceledEventThrowsWithCanceledFailureAndItsDetails(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
            'workflow_execution_canceled_event_attributes' => new WorkflowExecutionCanceledEventAttributes([
                'details' => DataConverter::default()->toPayloads(['bye']),
            ]),
        ]);

        $failure = self::failureOf($event);

        $this->assertInstanceOf(CanceledFailure::class, $failure);
        $this->assertSame(['bye'], $failure->getDetails());
    }

    public function testTerminatedEventThrowsWithTheReasonAsMessage(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
            'workflow_execution_terminated_event_attributes' => new WorkflowExecutionTerminatedEventAttributes([
                'reason' => 'operator stop',
            ]),
        ]);

        $failure = self::failureOf($event);

        $this->assertInstanceOf(TerminatedFailure::class, $failure);
        $this->assertSame('operator stop', $failure->getMessage());
    }

    public function testTimedOutEventThrowsWithAStartToCloseTimeoutFailure(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
            'workflow_execution_timed_out_event_attributes' => new WorkflowExecutionTimedOutEventAttributes(),
        ]);

        $failure = self::failureOf($event);

        $this->assertInstanceOf(TimeoutFailure::class, $failure);
        $this->assertSame(TimeoutType::StartToClose, $failure->getTimeoutType());
    }

    public function testContinuedAsNewEventThrowsWithTheNewRunId(): void
    {
        $event = new HistoryEvent([
            'event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
            'workflow_execution_continued_as_new_event_attributes' =>
                new WorkflowExecutionContinuedAsNewEventAttributes(['new_execution_run_id' => 'run-2']),
        ]);

        try {
            self::toResult($event);
            $this->fail('a continued-as-new run returned a result');
        } catch (WorkflowContinuedAsNewException $e) {
            $this->assertSame('run-2', $e->getNewRunId());
            $this->assertSame('run-1', $e->getExecution()->getRunId());
        }
    }

    public function testANonCloseEventIsRejected(): void
    {
        $this->expectException(\UnexpectedValueException::class);
        $this->expectExceptionMessage('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
        self::toResult(new HistoryEvent(['event_type' => EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED]));
    }

    private static function toResult(HistoryEvent $event): mixed
    {
        $mapper = new CloseEventMapper(DataConverter::default());
        return $mapper->toResult($event, new WorkflowExecution('wf-1', 'run-1'), 'MyWorkflow');
    }

    private static function failureOf(HistoryEvent $event): TemporalFailure
    {
        try {
            self::toResult($event);
        } catch (WorkflowFailedException $e) {
            self::assertSame('run-1', $e->getExecution()->getRunId());
            self::assertSame('MyWorkflow', $e->getWorkflowType());
            return $e->getFailure();
        }
        self::fail('toResult() returned instead of throwing WorkflowFailedException');
    }
}
