<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Api\Enums\V1\HistoryEventFilterType;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetWorkflowExecutionHistoryRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetWorkflowExecutionHistoryResponse;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowResultTimeoutException;
use TrueAsync\Temporal\Internal\CloseEventMapper;
use TrueAsync\Temporal\Internal\Deadline;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * Waits for the event that closes a workflow run by long-polling its history, filtered to close events.
 * The server answers each poll when the run closes or after its long-poll interval with no events and a
 * page token to poll again with.
 *
 * @internal
 */
final class CloseEventPoller
{
    public function __construct(private WorkflowService $service)
    {
    }

    /**
     * Waits for the close event of $execution and, with $followRuns, of each run it hands over to
     * (CloseEventMapper::nextRunId()), until one closes for good.
     *
     * @return array{HistoryEvent, WorkflowExecution} the last close event and the run it closed
     * @throws WorkflowResultTimeoutException $deadline passed first
     * @throws TemporalException the server's error (WorkflowNotFoundException for an unknown run)
     */
    public function waitForLastCloseEvent(WorkflowExecution $execution, Deadline $deadline, bool $followRuns): array
    {
        while (true) {
            $event = $this->waitForCloseEvent($execution, $deadline);
            $nextRunId = $followRuns ? CloseEventMapper::nextRunId($event) : null;
            if ($nextRunId === null) {
                return [$event, $execution];
            }
            $execution = new WorkflowExecution($execution->getWorkflowId(), $nextRunId);
        }
    }

    /**
     * @throws WorkflowResultTimeoutException $deadline passed first
     * @throws TemporalException the server's error (WorkflowNotFoundException for an unknown run)
     */
    public function waitForCloseEvent(WorkflowExecution $execution, Deadline $deadline): HistoryEvent
    {
        $request = new GetWorkflowExecutionHistoryRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $execution->toMessage(),
            'wait_new_event' => true,
            'history_event_filter_type' => HistoryEventFilterType::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
            'skip_archival' => true,
        ]);
        while (true) {
            $response = $this->poll($request, $execution, $deadline);
            $events = $response->getHistory()?->getEvents();
            if ($events !== null && \count($events) > 0) {
                return $events[\count($events) - 1];
            }
            $request->setNextPageToken($response->getNextPageToken());
        }
    }

    private function poll(
        GetWorkflowExecutionHistoryRequest $request,
        WorkflowExecution $execution,
        Deadline $deadline,
    ): GetWorkflowExecutionHistoryResponse {
        if ($deadline->isExpired()) {
            throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $execution);
        }
        try {
            return $this->service->call(
                'GetWorkflowExecutionHistory',
                $request,
                GetWorkflowExecutionHistoryResponse::class,
                $deadline->rpcTimeoutMs(),
                $execution,
            );
        } catch (ServiceException $e) {
            // The call's own timeout surfaces as CANCELLED ("Timeout expired", tonic's mapping) or, when the
            // server notices first, DEADLINE_EXCEEDED.
            $timeoutCodes = [ServiceException::CANCELLED, ServiceException::DEADLINE_EXCEEDED];
            if ($deadline->isExpired() && \in_array($e->getCode(), $timeoutCodes, true)) {
                throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $execution, $e);
            }
            throw $e;
        }
    }
}
