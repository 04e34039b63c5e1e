<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** Client::start(): the workflow to start, its arguments and options, and the header the workflow starts with. */
final class StartWorkflowInput
{
    use InputCopies;

    /**
     * @internal made by Client
     * @param list<mixed> $args
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly WorkflowOptions $options,
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

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
