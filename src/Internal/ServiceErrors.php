<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use Google\Protobuf\Any;
use TrueAsync\Temporal\Api\Errordetails\V1\MultiOperationExecutionFailure;
use TrueAsync\Temporal\Api\Errordetails\V1\WorkflowExecutionAlreadyStartedFailure;
use TrueAsync\Temporal\Api\Google\Rpc\Status;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Core\TemporalException;
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

/**
 * Gives a gRPC error status its meaning for the call that got it, from its code and its details.
 *
 * @internal
 */
final class ServiceErrors
{
    private const TYPE_URL_PREFIX = 'type.googleapis.com/';
    private const ALREADY_STARTED = 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure';
    private const QUERY_FAILED = 'temporal.api.errordetails.v1.QueryFailedFailure';
    private const MULTI_OPERATION = 'temporal.api.errordetails.v1.MultiOperationExecutionFailure';

    /**
     * @param ?WorkflowExecution $execution the workflow the call was about, if any
     * @param ?string $workflowType the type of the workflow the call started, if it started one
     * @param ?string $scheduleId the schedule the call was about, if any
     */
    public static function map(
        Core\ServiceException $status,
        ?WorkflowExecution $execution = null,
        ?string $workflowType = null,
        ?string $scheduleId = null,
    ): TemporalException {
        $detail = self::firstDetail($status);
        $detailType = $detail === null ? '' : substr($detail->getTypeUrl(), \strlen(self::TYPE_URL_PREFIX));
        $startedDetail = match ($detailType) {
            self::ALREADY_STARTED => $detail,
            self::MULTI_OPERATION => self::startedDetailOfOperations($detail),
            default => null,
        };
        return match (true) {
            $status->getCode() === ServiceException::ALREADY_EXISTS && $scheduleId !== null
                => ScheduleAlreadyExistsException::forSchedule($scheduleId, $status),
            $status->getCode() === ServiceException::NOT_FOUND && $scheduleId !== null
                => ScheduleNotFoundException::forSchedule($scheduleId, $status),
            $status->getCode() === ServiceException::ALREADY_EXISTS && $execution !== null && $workflowType !== null
                => self::alreadyStarted($status, $execution, $workflowType, $startedDetail),
            $detailType === self::QUERY_FAILED => WorkflowQueryFailedException::fromStatus($status),
            $status->getCode() === ServiceException::NOT_FOUND && $execution !== null
                => WorkflowNotFoundException::forExecution($execution, $status),
            default => self::byCode($status),
        };
    }

    /** Update-with-start: the already-started detail of the start operation's status, if it has one. */
    private static function startedDetailOfOperations(Any $detail): ?Any
    {
        $failure = new MultiOperationExecutionFailure();
        try {
            $failure->mergeFromString($detail->getValue());
        } catch (\Exception) {
            return null;
        }
        foreach ($failure->getStatuses() as $operation) {
            foreach ($operation->getDetails() as $operationDetail) {
                if ($operationDetail->getTypeUrl() === self::TYPE_URL_PREFIX . self::ALREADY_STARTED) {
                    return $operationDetail;
                }
            }
        }
        return null;
    }

    private static function byCode(Core\ServiceException $status): ServiceException
    {
        return match ($status->getCode()) {
            ServiceException::INVALID_ARGUMENT => InvalidArgumentException::rejected($status),
            ServiceException::PERMISSION_DENIED => PermissionDeniedException::fromStatus($status),
            ServiceException::RESOURCE_EXHAUSTED => ResourceExhaustedException::fromStatus($status),
            ServiceException::DEADLINE_EXCEEDED => DeadlineExceededException::fromStatus($status),
            default => ServiceException::fromStatus($status),
        };
    }

    private static function alreadyStarted(
        Core\ServiceException $status,
        WorkflowExecution $execution,
        string $workflowType,
        ?Any $detail,
    ): WorkflowAlreadyStartedException {
        $runId = null;
        if ($detail !== null) {
            $failure = new WorkflowExecutionAlreadyStartedFailure();
            $failure->mergeFromString($detail->getValue());
            $runId = $failure->getRunId() === '' ? null : $failure->getRunId();
        }
        $workflowId = $execution->getWorkflowId();
        return WorkflowAlreadyStartedException::forWorkflow($workflowId, $workflowType, $runId, $status);
    }

    private static function firstDetail(Core\ServiceException $status): ?Any
    {
        if ($status->getDetails() === '') {
            return null;
        }
        $decoded = new Status();
        try {
            $decoded->mergeFromString($status->getDetails());
        } catch (\Exception) {
            return null; // undecodable details carry no meaning we could add
        }
        foreach ($decoded->getDetails() as $detail) {
            return $detail;
        }
        return null;
    }
}
