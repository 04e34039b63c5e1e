<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** Client::countWorkflows(): the visibility query. */
final class CountWorkflowsInput
{
    use InputCopies;

    /** @internal made by Client */
    public function __construct(public readonly string $query)
    {
    }

    public function withQuery(string $query): self
    {
        return $this->with('query', $query);
    }
}
