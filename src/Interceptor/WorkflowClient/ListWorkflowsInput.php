<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** Client::listWorkflows(): the visibility query and the page size (0: the server's default). */
final class ListWorkflowsInput
{
    use InputCopies;

    /** @internal made by Client */
    public function __construct(public readonly string $query, public readonly int $pageSize)
    {
    }

    public function withQuery(string $query): self
    {
        return $this->with('query', $query);
    }
}
