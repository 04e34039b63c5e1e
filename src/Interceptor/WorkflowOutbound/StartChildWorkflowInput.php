<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;

/** A child workflow about to start (WorkflowOutboundCallsInterceptor::startChildWorkflow()). */
final class StartChildWorkflowInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param list<mixed> $args the child's start arguments
     * @param ?string $returnType the PHP type its result decodes into (null: the payload's natural value)
     * @param Header $header the child starts with it (its execute hook's input has it); empty unless an
     *     interceptor sets it
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly ChildWorkflowOptions $options,
        public readonly ?string $returnType,
        public readonly Header $header,
    ) {
    }

    public function withOptions(ChildWorkflowOptions $options): self
    {
        return $this->with('options', $options);
    }
}
