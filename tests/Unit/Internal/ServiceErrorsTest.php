<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use Google\Protobuf\Any;
use Google\Protobuf\Internal\Message;
use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Errordetails\V1\QueryFailedFailure;
use TrueAsync\Temporal\Api\Errordetails\V1\WorkflowExecutionAlreadyStartedFailure;
use TrueAsync\Temporal\Api\Google\Rpc\Status;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Exception\DeadlineExceededException;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\PermissionDeniedException;
use TrueAsync\Temporal\Exception\ResourceExhaustedException;
use TrueAsync\Temporal\Exception\ScheduleAlreadyExistsException;
use TrueAsync\Temporal\Exception\ScheduleNotFoundException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Exception\WorkflowQueryFailedException;
use TrueAsync\Temporal\Internal\ServiceErrors;

final class ServiceErrorsTest extends TestCase
{
    public function testAlreadyExistsOnStartCarriesTheRunningRunIdFromTheDetails(): void
    {
        $detail = new WorkflowExecutionAlreadyStartedFailure(['start_request_id' => 'req', 'run_id' => 'run-9']);
        $status = self::status(ServiceException::ALREADY_EXISTS, 'already running', self::details($detail));

        $exception = ServiceErrors::map($status, new WorkflowExecution('wf-1'), 'OrderWorkflow');

        $this->assertInstanceOf(WorkflowAlreadyStartedException::class, $exception);
        $this->assertSame('run-9', $exception->getRunId());
        $this->assertSame('wf-1', $exception->getWorkflowId());
        $this->assertSame('OrderWorkflow', $exception->getWorkflowType());
        $this->assertSame(ServiceException::ALREADY_EXISTS, $exception->getCode());
        $this->assertSame($status, $exception->getPrevious());
    }

    public function testAlreadyExistsWithoutDetailsHasNoRunId(): void
    {
        $status = self::status(ServiceException::ALREADY_EXISTS, 'x');

        $exception = ServiceErrors::map($status, new WorkflowExecution('wf'), 'T');

        $this->assertInstanceOf(WorkflowAlreadyStartedException::class, $exception);
        $this->assertNull($exception->getRunId());
    }

    public function testAlreadyExistsAndNotFoundAboutAScheduleNameTheSchedule(): void
    {
        $exists = ServiceErrors::map(self::status(ServiceException::ALREADY_EXISTS, 'exists'), scheduleId: 'nightly');
        $missing = ServiceErrors::map(self::status(ServiceException::NOT_FOUND, 'gone'), scheduleId: 'nightly');
        $other = ServiceErrors::map(self::status(ServiceException::INVALID_ARGUMENT, 'bad'), scheduleId: 'nightly');

        $this->assertInstanceOf(ScheduleAlreadyExistsException::class, $exists);
        $this->assertSame('nightly', $exists->getScheduleId());
        $this->assertSame('Schedule "nightly" already exists: exists', $exists->getMessage());
        $this->assertInstanceOf(ScheduleNotFoundException::class, $missing);
        $this->assertSame('nightly', $missing->getScheduleId());
        $this->assertSame(ServiceException::NOT_FOUND, $missing->getCode());
        $this->assertInstanceOf(InvalidArgumentException::class, $other);
    }

    public function testNotFoundAboutAWorkflowIsWorkflowNotFound(): void
    {
        $execution = new WorkflowExecution('wf-2', 'run-2');

        $exception = ServiceErrors::map(self::status(ServiceException::NOT_FOUND, 'workflow not found'), $execution);

        $this->assertInstanceOf(WorkflowNotFoundException::class, $exception);
        $this->assertSame($execution, $exception->getExecution());
        $this->assertStringContainsString('"wf-2" (run run-2) not found: workflow not found', $exception->getMessage());
    }

    public function testQueryFailedDetailsMakeAQueryFailure(): void
    {
        $details = self::details(new QueryFailedFailure());
        $status = self::status(ServiceException::INVALID_ARGUMENT, 'handler threw', $details);

        $exception = ServiceErrors::map($status, new WorkflowExecution('wf'));

        $this->assertInstanceOf(WorkflowQueryFailedException::class, $exception);
        $this->assertSame('Query failed: handler threw', $exception->getMessage());
    }

    public function testInvalidArgumentKeepsItsCodeAndMessage(): void
    {
        $exception = ServiceErrors::map(self::status(ServiceException::INVALID_ARGUMENT, 'WorkflowId is not set'));

        $this->assertInstanceOf(InvalidArgumentException::class, $exception);
        $this->assertSame(ServiceException::INVALID_ARGUMENT, $exception->getGrpcCode());
        $this->assertSame('WorkflowId is not set', $exception->getGrpcMessage());
    }

    /** @dataProvider typedCodes */
    public function testCodesWithAMeaningOfTheirOwnMapToTheirClass(int $code, string $class): void
    {
        $exception = ServiceErrors::map(self::status($code, 'no'), new WorkflowExecution('wf'));

        $this->assertInstanceOf($class, $exception);
        $this->assertSame($code, $exception->getGrpcCode());
        $this->assertSame('no', $exception->getGrpcMessage());
    }

    /** @return array<string, array{int, class-string}> */
    public static function typedCodes(): array
    {
        return [
            'permission denied' => [ServiceException::PERMISSION_DENIED, PermissionDeniedException::class],
            'resource exhausted' => [ServiceException::RESOURCE_EXHAUSTED, ResourceExhaustedException::class],
            'deadline exceeded' => [ServiceException::DEADLINE_EXCEEDED, DeadlineExceededException::class],
            'invalid argument' => [ServiceException::INVALID_ARGUMENT, InvalidArgumentException::class],
            'not found' => [ServiceException::NOT_FOUND, WorkflowNotFoundException::class],
        ];
    }

    public function testOtherCodesAndCallsWithoutWorkflowBecomeServiceException(): void
    {
        $execution = new WorkflowExecution('wf');
        $unavailable = ServiceErrors::map(self::status(ServiceException::UNAVAILABLE, 'down'), $execution);
        $notFound = ServiceErrors::map(self::status(ServiceException::NOT_FOUND, 'namespace missing'));
        $garbled = ServiceErrors::map(self::status(ServiceException::ALREADY_EXISTS, 'x', "\xff\xff\xff"));

        $this->assertSame(ServiceException::class, $unavailable::class);
        $this->assertSame(ServiceException::UNAVAILABLE, $unavailable->getCode());
        $this->assertSame(ServiceException::class, $notFound::class);
        $this->assertSame(ServiceException::class, $garbled::class);
    }

    private static function details(Message $detail): string
    {
        $name = 'temporal.api.errordetails.v1.' . substr(strrchr($detail::class, '\\'), 1);
        $any = new Any();
        $any->setTypeUrl("type.googleapis.com/$name");
        $any->setValue($detail->serializeToString());
        return (new Status(['code' => 6, 'message' => 'm', 'details' => [$any]]))->serializeToString();
    }

    /** A Core\ServiceException as ext makes it from a gRPC status. */
    private static function status(int $code, string $message, string $details = ''): Core\ServiceException
    {
        $status = new Core\ServiceException($message, $code);
        (new \ReflectionProperty($status, 'grpcMessage'))->setValue($status, $message);
        (new \ReflectionProperty($status, 'details'))->setValue($status, $details);
        return $status;
    }
}
