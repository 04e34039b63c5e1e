<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** WorkflowHandle::signal(): the signal, its arguments and its header. */
final class SignalInput
{
    use InputCopies;

    /**
     * @internal made by WorkflowHandle
     * @param list<mixed> $args
     */
    public function __construct(
        public readonly WorkflowExecution $execution,
        public readonly string $signalName,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }

    /** @param array<mixed> $args the signal's arguments, in order */
    public function withArgs(array $args): self
    {
        return $this->with('args', array_values($args));
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
