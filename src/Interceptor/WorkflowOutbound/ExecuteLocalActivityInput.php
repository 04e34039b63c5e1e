<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/** A local activity about to run (WorkflowOutboundCallsInterceptor::executeLocalActivity()). */
final class ExecuteLocalActivityInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param list<mixed> $args the activity's arguments
     * @param ?string $returnType the PHP type its result decodes into (null: the payload's natural value)
     * @param Header $header given to the activity with its arguments; empty unless an interceptor sets it
     */
    public function __construct(
        public readonly string $activityType,
        public readonly array $args,
        public readonly LocalActivityOptions $options,
        public readonly ?string $returnType,
        public readonly Header $header,
    ) {
    }

    public function withOptions(LocalActivityOptions $options): self
    {
        return $this->with('options', $options);
    }
}
