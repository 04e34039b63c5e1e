<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/** The run about to continue as new (WorkflowOutboundCallsInterceptor::continueAsNew()). */
final class ContinueAsNewInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param string $workflowType the new run's type (this run's unless another was given)
     * @param list<mixed> $args the new run's arguments
     * @param string $taskQueue the new run's task queue (this run's unless another was given)
     * @param Header $header the new run starts with it; empty unless an interceptor sets it (this run's is
     *     not carried over by itself)
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly string $taskQueue,
        public readonly Header $header,
    ) {
    }
}
