<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** WorkflowHandle::query() and queryAs(): the query, its arguments, the type its answer decodes into, its header. */
final class QueryInput
{
    use InputCopies;

    /**
     * @internal made by WorkflowHandle
     * @param list<mixed> $args
     * @param ?string $resultType the PHP type of the answer; null: the payload's natural value
     */
    public function __construct(
        public readonly WorkflowExecution $execution,
        public readonly string $queryName,
        public readonly array $args,
        public readonly ?string $resultType,
        public readonly Header $header,
    ) {
    }

    /** @param array<mixed> $args the query's arguments, in order */
    public function withArgs(array $args): self
    {
        return $this->with('args', array_values($args));
    }

    /** @param ?string $type the PHP type of the answer; null: the payload's natural value */
    public function withResultType(?string $type): self
    {
        return $this->with('resultType', $type);
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
