<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * Client::updateWithStart(): the workflow to start if none runs, the update to send it (its options carry the
 * update id the SDK chose when the caller gave none), and the header, which goes with the start and with the
 * update.
 */
final class UpdateWithStartInput
{
    use InputCopies;

    /**
     * @internal made by Client
     * @param list<mixed> $args the workflow's
     * @param list<mixed> $updateArgs
     */
    public function __construct(
        public readonly string $workflowType,
        public readonly array $args,
        public readonly WorkflowOptions $options,
        public readonly UpdateOptions $update,
        public readonly array $updateArgs,
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

    public function withUpdate(UpdateOptions $update): self
    {
        return $this->with('update', $update);
    }

    /** @param array<mixed> $updateArgs the update's arguments, in order */
    public function withUpdateArgs(array $updateArgs): self
    {
        return $this->with('updateArgs', array_values($updateArgs));
    }

    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}
