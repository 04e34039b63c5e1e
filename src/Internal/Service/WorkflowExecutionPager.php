<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkflowExecutionsRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkflowExecutionsResponse;
use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The executions a visibility query matches, page by page (LazyPager).
 *
 * @internal returned by Client::listWorkflows() as \Iterator<int, WorkflowExecutionDescription>
 * @extends LazyPager<WorkflowExecutionDescription>
 */
final class WorkflowExecutionPager extends LazyPager
{
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private string $query,
        private int $pageSize,
    ) {
    }

    public function current(): WorkflowExecutionDescription
    {
        return parent::current();
    }

    protected function fetchPage(string $pageToken): array
    {
        $request = new ListWorkflowExecutionsRequest([
            'namespace' => $this->service->getNamespace(),
            'query' => $this->query,
            'page_size' => $this->pageSize,
            'next_page_token' => $pageToken,
        ]);
        $response = $this->service->call('ListWorkflowExecutions', $request, ListWorkflowExecutionsResponse::class);
        $page = [];
        foreach ($response->getExecutions() as $info) {
            $page[] = WorkflowExecutionDescription::fromInfo($info, $this->converter);
        }
        return [$page, $response->getNextPageToken()];
    }
}
