<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use TrueAsync\Temporal\Interceptor\WorkflowInboundCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowOutboundCallsInterceptor;

/**
 * A worker's workflow interceptors as the two pipelines its runs call through. Built once per worker and
 * shared by its runs: a pipeline holds no state of a run.
 *
 * @internal
 */
final class WorkflowInterceptors
{
    public readonly Pipeline $inbound;
    public readonly Pipeline $outbound;

    /** @param list<Interceptor> $interceptors the first is outermost; those of other interfaces are skipped */
    public function __construct(array $interceptors = [])
    {
        $this->inbound = Pipeline::of($interceptors, WorkflowInboundCallsInterceptor::class);
        $this->outbound = Pipeline::of($interceptors, WorkflowOutboundCallsInterceptor::class);
    }
}
