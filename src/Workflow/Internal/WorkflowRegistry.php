<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

/**
 * The workflow types a worker serves, by type name.
 *
 * @internal
 */
final class WorkflowRegistry
{
    /** @var array<string, WorkflowDefinition> */
    private array $byType = [];
    private ?WorkflowDefinition $dynamic = null;

    /** @throws \LogicException not a workflow class, or its type name is taken */
    public function register(string $class): void
    {
        $definition = WorkflowDefinition::fromClass($class);
        if (isset($this->byType[$definition->type])) {
            throw new \LogicException(\sprintf('workflow type "%s" is registered twice', $definition->type));
        }
        $this->byType[$definition->type] = $definition;
    }

    /**
     * Registers the class that runs every unregistered workflow type: its workflow method receives an
     * EncodedArguments (the type is in Workflow::getInfo()).
     *
     * @throws \LogicException not a workflow class, or a dynamic workflow is already registered
     */
    public function registerDynamic(string $class): void
    {
        if ($this->dynamic !== null) {
            throw new \LogicException('a dynamic workflow is already registered on this worker');
        }
        $this->dynamic = WorkflowDefinition::fromClass($class)->asDynamic();
    }

    public function find(string $type): ?WorkflowDefinition
    {
        return $this->byType[$type] ?? $this->dynamic;
    }

    public function isEmpty(): bool
    {
        return $this->byType === [] && $this->dynamic === null;
    }

    /** @return list<string> */
    public function types(): array
    {
        return array_keys($this->byType);
    }
}
