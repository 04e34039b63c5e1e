<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowInbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/** A query about to be answered (WorkflowInboundCallsInterceptor::handleQuery()). */
final class QueryInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param list<mixed> $args what the handler is called with: the query's arguments decoded into its
     *     parameters' types; for the dynamic handler, what it takes: the query name, then the EncodedArguments
     */
    public function __construct(
        public readonly string $queryName,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }
}
