<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\UpdateValidatorMethod;
use TrueAsync\Temporal\Workflow\VersioningBehavior;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;
use TrueAsync\Temporal\Workflow\WorkflowVersioningBehavior;

/**
 * A workflow class read through its attributes: its type name, run method and handlers.
 *
 * @internal
 */
final class WorkflowDefinition
{
    /**
     * @param array<string, HandlerMethod> $signals by signal name
     * @param array<string, HandlerMethod> $queries by query name
     * @param array<string, HandlerMethod> $updates by update name
     * @param array<string, HandlerMethod> $validators by update name
     */
    private function __construct(
        public readonly string $type,
        public readonly string $class,
        public readonly HandlerMethod $run,
        private readonly array $signals,
        private readonly array $queries,
        private readonly array $updates,
        private readonly array $validators,
        public readonly VersioningBehavior $versioningBehavior,
        public readonly bool $dynamic = false,
    ) {
    }

    /** The same class serving every workflow type the worker has no definition for. */
    public function asDynamic(): self
    {
        return new self('*', $this->class, $this->run, $this->signals, $this->queries, $this->updates,
            $this->validators, $this->versioningBehavior, true);
    }

    /** @throws \LogicException the class is not a valid workflow */
    public static function fromClass(string $class): self
    {
        $reflection = new \ReflectionClass($class);
        if (!self::isWorkflowInterface($reflection)) {
            throw new \LogicException("$class has no #[WorkflowInterface] (on itself or an interface it implements)");
        }
        $run = null;
        [$signals, $queries, $updates, $validators] = [[], [], [], []];
        foreach ($reflection->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
            if ($attribute = self::attribute($method, WorkflowMethod::class)) {
                if ($run !== null) {
                    throw new \LogicException("$class has more than one #[WorkflowMethod]");
                }
                $run = [$attribute->name ?? $reflection->getShortName(), HandlerMethod::of($method), $method];
            } elseif ($attribute = self::attribute($method, SignalMethod::class)) {
                $signals[$attribute->name ?? $method->getName()] = HandlerMethod::of($method);
            } elseif ($attribute = self::attribute($method, QueryMethod::class)) {
                $queries[$attribute->name ?? $method->getName()] = HandlerMethod::of($method);
            } elseif ($attribute = self::attribute($method, UpdateMethod::class)) {
                $updates[$attribute->name ?? $method->getName()] = HandlerMethod::of($method);
            } elseif ($attribute = self::attribute($method, UpdateValidatorMethod::class)) {
                $validators[$attribute->forUpdate] = HandlerMethod::of($method);
            }
        }
        if ($run === null) {
            throw new \LogicException("$class has no #[WorkflowMethod]");
        }
        foreach (array_diff_key($validators, $updates) as $update => $validator) {
            throw new \LogicException("$class: validator {$validator->name}() is for an unknown update \"$update\"");
        }
        return new self($run[0], $class, $run[1], $signals, $queries, $updates, $validators,
            self::versioningBehavior($reflection, $run[2]));
    }

    /** From #[WorkflowVersioningBehavior] on the run method, else on the class; Unspecified without. */
    private static function versioningBehavior(\ReflectionClass $class, \ReflectionMethod $run): VersioningBehavior
    {
        $attribute = self::attribute($run, WorkflowVersioningBehavior::class)
            ?? ($class->getAttributes(WorkflowVersioningBehavior::class)[0] ?? null)?->newInstance();
        return $attribute?->behavior ?? VersioningBehavior::Unspecified;
    }

    public function signal(string $name): ?HandlerMethod
    {
        return $this->signals[$name] ?? null;
    }

    public function query(string $name): ?HandlerMethod
    {
        return $this->queries[$name] ?? null;
    }

    public function update(string $name): ?HandlerMethod
    {
        return $this->updates[$name] ?? null;
    }

    public function validator(string $update): ?HandlerMethod
    {
        return $this->validators[$update] ?? null;
    }

    /** @return list<string> */
    public function signalNames(): array
    {
        return array_keys($this->signals);
    }

    /** @return list<string> */
    public function updateNames(): array
    {
        return array_keys($this->updates);
    }

    /** @return list<string> */
    public function queryNames(): array
    {
        return array_keys($this->queries);
    }

    private static function isWorkflowInterface(\ReflectionClass $class): bool
    {
        foreach ([$class, ...array_values($class->getInterfaces())] as $candidate) {
            if ($candidate->getAttributes(WorkflowInterface::class) !== []) {
                return true;
            }
        }
        return false;
    }

    private static function attribute(\ReflectionMethod $method, string $name): ?object
    {
        // The attribute may sit on the class's method or on the interface method it implements.
        foreach (self::declarations($method) as $declaration) {
            $attributes = $declaration->getAttributes($name);
            if ($attributes !== []) {
                return $attributes[0]->newInstance();
            }
        }
        return null;
    }

    /** @return list<\ReflectionMethod> */
    private static function declarations(\ReflectionMethod $method): array
    {
        $found = [$method];
        foreach ($method->getDeclaringClass()->getInterfaces() as $interface) {
            if ($interface->hasMethod($method->getName())) {
                $found[] = $interface->getMethod($method->getName());
            }
        }
        return $found;
    }
}
