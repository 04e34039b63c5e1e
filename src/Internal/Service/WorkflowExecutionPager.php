<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkflowExecutionsRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkflowExecutionsResponse;
use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The executions a visibility query matches, fetched one page at a time as iteration reaches the end of the
 * page in hand: nothing is fetched before the first valid()/current(). Rewinding starts over from the first
 * page.
 *
 * @internal returned by Client::listWorkflows() as \Iterator<int, WorkflowExecutionDescription>
 * @implements \Iterator<int, WorkflowExecutionDescription>
 */
final class WorkflowExecutionPager implements \Iterator
{
    /** @var list<WorkflowExecutionDescription> */
    private array $page = [];
    private int $offset = 0;
    private int $key = 0;
    private ?string $nextPageToken = '';
    private bool $started = false;

    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private string $query,
        private int $pageSize,
    ) {
    }

    public function current(): WorkflowExecutionDescription
    {
        $this->fill();
        return $this->page[$this->offset] ?? throw new \OutOfBoundsException('No more workflow executions');
    }

    public function key(): int
    {
        return $this->key;
    }

    public function next(): void
    {
        $this->fill();
        $this->offset++;
        $this->key++;
    }

    public function rewind(): void
    {
        $this->page = [];
        $this->offset = $this->key = 0;
        $this->nextPageToken = '';
        $this->started = false;
    }

    public function valid(): bool
    {
        $this->fill();
        return isset($this->page[$this->offset]);
    }

    /** Fetches pages until the offset is inside one or there are no more (a page may come back empty). */
    private function fill(): void
    {
        while (!isset($this->page[$this->offset]) && $this->nextPageToken !== null) {
            if ($this->started && $this->nextPageToken === '') {
                $this->nextPageToken = null;
                return;
            }
            $this->started = true;
            $response = $this->fetch((string) $this->nextPageToken);
            $this->page = [];
            foreach ($response->getExecutions() as $info) {
                $this->page[] = WorkflowExecutionDescription::fromInfo($info, $this->converter);
            }
            $this->offset = 0;
            $this->nextPageToken = $response->getNextPageToken();
        }
    }

    private function fetch(string $pageToken): ListWorkflowExecutionsResponse
    {
        $request = new ListWorkflowExecutionsRequest([
            'namespace' => $this->service->getNamespace(),
            'query' => $this->query,
            'page_size' => $this->pageSize,
            'next_page_token' => $pageToken,
        ]);
        return $this->service->call('ListWorkflowExecutions', $request, ListWorkflowExecutionsResponse::class);
    }
}
