<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Service\ActivityTaskResponder;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * Completes activities that finish outside their worker (async completion: the activity returned without a
 * result, e.g. Python's activity.raise_complete_async()). Each activity is named by its task token, or by
 * workflow id, run id (null: the latest run) and activity id. A call for an activity that is no longer
 * running (completed, timed out, cancelled) throws ServiceException with code NOT_FOUND.
 */
final class ActivityCompletionClient
{
    use RpcTimeoutCopies;

    /** @internal made by Client::getActivityCompletionClient() */
    public function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    /**
     * Completes the activity with $result.
     *
     * @throws DataConverterException $result cannot be encoded
     * @throws ServiceException the server's error status (NOT_FOUND: the activity is not running)
     * @throws TemporalException the bridge failed
     */
    public function complete(string $taskToken, mixed $result = null): void
    {
        $this->responder()->complete(['task_token' => $taskToken], $result);
    }

    /** As complete(), by ids. @throws ServiceException @throws DataConverterException @throws TemporalException */
    public function completeById(string $workflowId, ?string $runId, string $activityId, mixed $result = null): void
    {
        $this->responder()->complete(self::ids($workflowId, $runId, $activityId), $result);
    }

    /**
     * Fails the activity with $failure (encoded by the data converter's failure converter: an ApplicationFailure
     * keeps its type, details and retryability; any other exception becomes an application failure named by its
     * class). The server retries the activity per its retry policy.
     *
     * @param list<mixed> $lastHeartbeatDetails recorded as the last heartbeat's details
     * @throws DataConverterException a detail cannot be encoded
     * @throws ServiceException the server's error status (NOT_FOUND: the activity is not running)
     * @throws TemporalException the bridge failed
     */
    public function fail(string $taskToken, \Throwable $failure, array $lastHeartbeatDetails = []): void
    {
        $this->responder()->fail(['task_token' => $taskToken], $failure, $lastHeartbeatDetails);
    }

    /**
     * As fail(), by ids.
     *
     * @param list<mixed> $lastHeartbeatDetails
     * @throws ServiceException @throws DataConverterException @throws TemporalException
     */
    public function failById(
        string $workflowId,
        ?string $runId,
        string $activityId,
        \Throwable $failure,
        array $lastHeartbeatDetails = [],
    ): void {
        $this->responder()->fail(self::ids($workflowId, $runId, $activityId), $failure, $lastHeartbeatDetails);
    }

    /**
     * Records a heartbeat with $details and tells whether cancellation of the activity was requested: then stop
     * its work and call reportCancellation().
     *
     * @return bool true: the workflow asked to cancel the activity
     * @throws DataConverterException a detail cannot be encoded
     * @throws ServiceException the server's error status (NOT_FOUND: the activity is not running)
     * @throws TemporalException the bridge failed
     */
    public function heartbeat(string $taskToken, mixed ...$details): bool
    {
        return $this->responder()->heartbeat(['task_token' => $taskToken], $details);
    }

    /** As heartbeat(), by ids. @throws ServiceException @throws DataConverterException @throws TemporalException */
    public function heartbeatById(string $workflowId, ?string $runId, string $activityId, mixed ...$details): bool
    {
        return $this->responder()->heartbeat(self::ids($workflowId, $runId, $activityId), $details);
    }

    /**
     * Reports that the activity stopped because its cancellation was requested.
     *
     * @throws DataConverterException a detail cannot be encoded
     * @throws ServiceException the server's error status (NOT_FOUND: the activity is not running)
     * @throws TemporalException the bridge failed
     */
    public function reportCancellation(string $taskToken, mixed ...$details): void
    {
        $this->responder()->reportCancellation(['task_token' => $taskToken], $details);
    }

    /**
     * As reportCancellation(), by ids.
     *
     * @throws DataConverterException @throws ServiceException @throws TemporalException
     */
    public function reportCancellationById(
        string $workflowId,
        ?string $runId,
        string $activityId,
        mixed ...$details,
    ): void {
        $this->responder()->reportCancellation(self::ids($workflowId, $runId, $activityId), $details);
    }

    private function responder(): ActivityTaskResponder
    {
        return new ActivityTaskResponder($this->service, $this->converter);
    }

    /** @return array<string, string> */
    private static function ids(string $workflowId, ?string $runId, string $activityId): array
    {
        return [
            'workflow_id' => Utf8::check($workflowId, 'ActivityCompletionClient: the workflow id'),
            'run_id' => Utf8::checkOptional($runId, 'ActivityCompletionClient: the run id') ?? '',
            'activity_id' => Utf8::check($activityId, 'ActivityCompletionClient: the activity id'),
        ];
    }
}
