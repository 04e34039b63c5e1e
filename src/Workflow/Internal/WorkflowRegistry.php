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

    /** @throws \LogicException not a workflow class, or its type name is taken */
    public function register(string $class): void
    {
        $definition = WorkflowDefinition::fromClass($class);
        if (isset($this->byType[$definition->type])) {
            throw new \LogicException(\sprintf('workflow type "%s" is registered twice', $definition->type));
        }
        $this->byType[$definition->type] = $definition;
    }

    public function find(string $type): ?WorkflowDefinition
    {
        return $this->byType[$type] ?? null;
    }

    public function isEmpty(): bool
    {
        return $this->byType === [];
    }

    /** @return list<string> */
    public function types(): array
    {
        return array_keys($this->byType);
    }
}
