<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Api\Enums\V1\HistoryEventFilterType;
use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetWorkflowExecutionHistoryRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetWorkflowExecutionHistoryResponse;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * Reads the whole event history of a run, page by page, without waiting for new events.
 *
 * @internal
 */
final class HistoryFetcher
{
    /** @param int $pageSize events per page; 0: the server's default (1,000) */
    public function __construct(private WorkflowService $service, private int $pageSize = 0)
    {
    }

    /** @throws TemporalException the server's error (WorkflowNotFoundException for an unknown run) */
    public function fetch(WorkflowExecution $execution): History
    {
        $request = new GetWorkflowExecutionHistoryRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $execution->toMessage(),
            'history_event_filter_type' => HistoryEventFilterType::HISTORY_EVENT_FILTER_TYPE_ALL_EVENT,
            'maximum_page_size' => $this->pageSize,
        ]);
        $events = [];
        do {
            $response = $this->service->call(
                'GetWorkflowExecutionHistory',
                $request,
                GetWorkflowExecutionHistoryResponse::class,
                execution: $execution,
            );
            foreach ($response->getHistory()?->getEvents() ?? [] as $event) {
                $events[] = $event;
            }
            $request->setNextPageToken($response->getNextPageToken());
        } while ($response->getNextPageToken() !== '');
        return new History(['events' => $events]);
    }
}
