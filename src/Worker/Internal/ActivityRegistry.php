<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;

/**
 * The activity types a worker serves, by name, plus an optional dynamic handler for all others.
 *
 * @internal
 */
final class ActivityRegistry
{
    /** @var array<string, ActivityDefinition> */
    private array $byName = [];
    private ?ActivityDefinition $dynamic = null;

    /**
     * Registers every public method of the #[ActivityInterface] class or interfaces of $implementation.
     *
     * @throws \LogicException no #[ActivityInterface] found, or a type name registered twice
     */
    public function registerObject(object $implementation): void
    {
        $seen = [];  // a method declared by both an attributed class and its attributed interface counts once
        foreach (self::activityInterfaces(new \ReflectionObject($implementation)) as [$class, $prefix]) {
            foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
                if ($method->isStatic() || $method->isConstructor() || isset($seen[$method->getName()])) {
                    continue;
                }
                $seen[$method->getName()] = true;
                $name = $prefix . (self::attribute($method, ActivityMethod::class)?->name ?? $method->getName());
                $this->add(ActivityDefinition::fromCallable($name, [$implementation, $method->getName()]));
            }
        }
        if ($seen === []) {
            throw new \LogicException(\sprintf(
                '%s has no #[ActivityInterface] class or interface with public methods to register',
                $implementation::class,
            ));
        }
    }

    /** @throws \LogicException $name is already registered, or empty */
    public function registerCallable(string $name, callable $handler): void
    {
        if ($name === '') {
            throw new \LogicException('an activity type name must not be empty');
        }
        $this->add(ActivityDefinition::fromCallable($name, $handler));
    }

    /** @throws \LogicException a dynamic activity is already registered */
    public function registerDynamic(callable $handler): void
    {
        if ($this->dynamic !== null) {
            throw new \LogicException('a dynamic activity is already registered on this worker');
        }
        $this->dynamic = ActivityDefinition::dynamic($handler);
    }

    public function find(string $activityType): ?ActivityDefinition
    {
        return $this->byName[$activityType] ?? $this->dynamic;
    }

    public function isEmpty(): bool
    {
        return $this->byName === [] && $this->dynamic === null;
    }

    /** @return list<string> */
    public function names(): array
    {
        return array_keys($this->byName);
    }

    private function add(ActivityDefinition $definition): void
    {
        if (isset($this->byName[$definition->name])) {
            throw new \LogicException(\sprintf('activity type "%s" is registered twice', $definition->name));
        }
        $this->byName[$definition->name] = $definition;
    }

    /** @return list<array{\ReflectionClass<object>, string}> the attributed class and interfaces, with prefixes */
    private static function activityInterfaces(\ReflectionClass $class): array
    {
        $found = [];
        foreach ([$class, ...array_values($class->getInterfaces())] as $candidate) {
            $attribute = self::attribute($candidate, ActivityInterface::class);
            if ($attribute !== null) {
                $found[] = [$candidate, $attribute->prefix];
            }
        }
        return $found;
    }

    /**
     * @template T of object
     * @param class-string<T> $name
     * @return T|null
     */
    private static function attribute(\ReflectionClass|\ReflectionMethod $target, string $name): ?object
    {
        $attributes = $target->getAttributes($name);
        return $attributes === [] ? null : $attributes[0]->newInstance();
    }
}
