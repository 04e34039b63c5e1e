<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;
use TrueAsync\Temporal\Workflow\ActivityOptions;

/** An activity about to be scheduled (WorkflowOutboundCallsInterceptor::executeActivity()). */
final class ExecuteActivityInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param list<mixed> $args the activity's arguments
     * @param ?string $returnType the PHP type its result decodes into (null: the payload's natural value)
     * @param Header $header sent to the activity with its arguments; empty unless an interceptor sets it
     */
    public function __construct(
        public readonly string $activityType,
        public readonly array $args,
        public readonly ActivityOptions $options,
        public readonly ?string $returnType,
        public readonly Header $header,
    ) {
    }

    public function withOptions(ActivityOptions $options): self
    {
        return $this->with('options', $options);
    }
}
