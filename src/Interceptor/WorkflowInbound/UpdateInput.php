<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowInbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/**
 * An update about to be validated or handled (WorkflowInboundCallsInterceptor::validateUpdate(), then
 * handleUpdate(): each gets an input of its own, so arguments changed for the validator are not the handler's).
 */
final class UpdateInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param string $updateId the update's id, unique within the workflow
     * @param list<mixed> $args what the validator or the handler is called with: the update's arguments
     *     decoded into its parameters' types; for the dynamic handler, what it takes: the update name, then
     *     the EncodedArguments (there is no validator then)
     */
    public function __construct(
        public readonly string $updateName,
        public readonly string $updateId,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }
}
