<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * WorkflowHandle::startUpdate() and update(): the update's options (with the update id the SDK chose when the
 * caller gave none; update() asks for the Completed stage), its arguments and its header.
 */
final class StartUpdateInput
{
    use InputCopies;

    /**
     * @internal made by WorkflowHandle
     * @param list<mixed> $args
     */
    public function __construct(
        public readonly WorkflowExecution $execution,
        public readonly UpdateOptions $options,
        public readonly array $args,
        public readonly Header $header,
    ) {
    }

    public function withOptions(UpdateOptions $options): self
    {
        return $this->with('options', $options);
    }

    /** @param array<mixed> $args the update's arguments, in order */
    public function withArgs(array $args): self
    {
        return $this->with('args', array_values($args));
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
