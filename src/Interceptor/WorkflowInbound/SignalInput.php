<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowInbound;

use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\ArgsAndHeaderCopies;

/** A signal about to be handled (WorkflowInboundCallsInterceptor::handleSignal()). */
final class SignalInput
{
    use ArgsAndHeaderCopies;

    /**
     * @internal made by the worker
     * @param list<mixed> $args what the handler is called with: the signal's arguments decoded into its
     *     parameters' types; for the dynamic handler, what it takes: the signal name, then the EncodedArguments
     */
    public function __construct(
        public readonly string $signalName,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }
}
