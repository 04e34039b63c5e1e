<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * Client::signalWithStart(): the workflow to start if none runs, the signal to send it, and the header, which
 * goes with the start and the signal alike (the request has one).
 */
final class SignalWithStartInput
{
    use InputCopies;

    /**
     * @internal made by Client
     * @param list<mixed> $args the workflow's
     * @param list<mixed> $signalArgs
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly WorkflowOptions $options,
        public readonly string $signalName,
        public readonly array $signalArgs,
        public readonly Header $header,
    ) {
    }

    /** @param array<mixed> $args the workflow's arguments, in order */
    public function withArgs(array $args): self
    {
        return $this->with('args', array_values($args));
    }

    public function withOptions(WorkflowOptions $options): self
    {
        return $this->with('options', $options);
    }

    /** @param array<mixed> $signalArgs the signal's arguments, in order */
    public function withSignalArgs(array $signalArgs): self
    {
        return $this->with('signalArgs', array_values($signalArgs));
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
