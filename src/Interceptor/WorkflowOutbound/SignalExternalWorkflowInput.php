<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/**
 * A signal about to be sent to another workflow, or to a child
 * (WorkflowOutboundCallsInterceptor::signalExternalWorkflow()).
 */
final class SignalExternalWorkflowInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param ?string $runId null: the latest run of $workflowId
     * @param list<mixed> $args the signal's arguments
     * @param Header $header the receiving workflow's handleSignal hook gets it; empty unless an interceptor
     *     sets it
     */
    public function __construct(
        public readonly string $workflowId,
        public readonly ?string $runId,
        public readonly string $signalName,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }
}
