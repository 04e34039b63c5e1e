<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/**
 * How WorkflowHandle::update(), startUpdate() and Client::updateWithStart() send an update, beyond its
 * name and arguments: its id, how far it must have got before the call returns, and the PHP type its
 * result decodes into. Pass it where the update's name goes. Immutable: every with*() returns a copy.
 */
final class UpdateOptions
{
    private ?string $updateId = null;
    private ?string $resultType = null;

    private function __construct(private string $name, private UpdateWaitStage $waitStage)
    {
    }

    /**
     * @param string $name the update handler's name
     * @param UpdateWaitStage $waitStage when startUpdate() and updateWithStart() return (update() always waits
     *     until the handler finished)
     */
    public static function new(string $name, UpdateWaitStage $waitStage = UpdateWaitStage::Accepted): self
    {
        return new self($name, $waitStage);
    }

    public function withWaitStage(UpdateWaitStage $waitStage): self
    {
        $copy = clone $this;
        $copy->waitStage = $waitStage;
        return $copy;
    }

    /** The update's id, unique within the workflow run (null: a random UUID); resending the same id is idempotent. */
    public function withUpdateId(?string $updateId): self
    {
        $copy = clone $this;
        $copy->updateId = $updateId;
        return $copy;
    }

    /**
     * The PHP type the result decodes into ("int", "?string", "Foo[]", a class, enum or protobuf message name),
     * used where the handle's result() is given no $type; null: the payload's natural value.
     */
    public function withResultType(?string $type): self
    {
        $copy = clone $this;
        $copy->resultType = $type;
        return $copy;
    }

    public function getName(): string
    {
        return $this->name;
    }

    public function getWaitStage(): UpdateWaitStage
    {
        return $this->waitStage;
    }

    public function getUpdateId(): ?string
    {
        return $this->updateId;
    }

    public function getResultType(): ?string
    {
        return $this->resultType;
    }

    /** @internal $nameOrOptions of update(), startUpdate() and updateWithStart() as options */
    public static function of(string|self $nameOrOptions): self
    {
        return \is_string($nameOrOptions) ? self::new($nameOrOptions) : $nameOrOptions;
    }
}
