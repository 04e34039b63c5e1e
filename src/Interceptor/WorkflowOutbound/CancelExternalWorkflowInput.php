<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

/**
 * A cancellation about to be requested of another workflow
 * (WorkflowOutboundCallsInterceptor::cancelExternalWorkflow()). Temporal's request carries no header.
 */
final class CancelExternalWorkflowInput
{
    /**
     * @internal made by the worker
     * @param ?string $runId null: the latest run of $workflowId
     */
    public function __construct(
        public readonly string $workflowId,
        public readonly ?string $runId,
        public readonly string $reason,
    ) {
    }
}
