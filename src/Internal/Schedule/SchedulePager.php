<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Schedule;

use TrueAsync\Temporal\Api\Workflowservice\V1\ListSchedulesRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListSchedulesResponse;
use TrueAsync\Temporal\Client\Schedule\ScheduleListEntry;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\Service\LazyPager;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The schedules a visibility query matches, page by page (LazyPager).
 *
 * @internal returned by ScheduleClient::listSchedules() as \Iterator<int, ScheduleListEntry>
 * @extends LazyPager<ScheduleListEntry>
 */
final class SchedulePager extends LazyPager
{
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private string $query,
        private int $pageSize,
    ) {
    }

    public function current(): ScheduleListEntry
    {
        return parent::current();
    }

    protected function fetchPage(string $pageToken): array
    {
        $request = new ListSchedulesRequest([
            'namespace' => $this->service->getNamespace(),
            'query' => $this->query,
            'maximum_page_size' => $this->pageSize,
            'next_page_token' => $pageToken,
        ]);
        $response = $this->service->call('ListSchedules', $request, ListSchedulesResponse::class);
        $page = [];
        foreach ($response->getSchedules() as $entry) {
            $page[] = new ScheduleListEntry($entry, $this->converter);
        }
        return [$page, $response->getNextPageToken()];
    }
}
