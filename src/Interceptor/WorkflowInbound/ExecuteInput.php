<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowInbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/** The start of a workflow run (WorkflowInboundCallsInterceptor::execute()). */
final class ExecuteInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param string $workflowType the type the run was started as (the registered one's, or any for a dynamic workflow)
     * @param list<mixed> $args what the workflow method is called with: the start arguments decoded into its
     *     parameters' types; for a dynamic workflow, its one argument, the EncodedArguments
     * @param Header $header the header the run was started with (by a client interceptor, or a parent's)
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }
}
