<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Builds an object of a plain PHP class from a decoded JSON object: constructor parameters (promoted
 * properties included) are taken by name, mapped to their declared types; a class without a constructor gets
 * its public properties set.
 *
 * @internal
 */
final class ObjectBuilder
{
    public function __construct(private ValueMapper $mapper)
    {
    }

    /**
     * @param class-string $class
     * @return ?object null when $value is not a JSON object
     * @throws DataConverterException a property is missing or of the wrong type, or the class is abstract
     */
    public function build(mixed $value, string $class): ?object
    {
        if ($value instanceof \stdClass) {
            $value = get_object_vars($value);
        }
        if (!\is_array($value)) {
            return null;
        }
        $reflection = new \ReflectionClass($class);
        if (!$reflection->isInstantiable()) {
            $this->mapper->fail($value, $class);
        }
        $constructor = $reflection->getConstructor();
        if ($constructor === null) {
            return $this->withProperties($reflection, $value);
        }
        $arguments = [];
        foreach ($constructor->getParameters() as $parameter) {
            $arguments[$parameter->getName()] = $this->argument($parameter, $value, $class);
        }
        return $reflection->newInstanceArgs(array_filter($arguments, fn ($a) => $a !== $this));
    }

    /** @return mixed the mapped argument, or $this to leave an optional parameter at its default */
    private function argument(\ReflectionParameter $parameter, array $value, string $class): mixed
    {
        $name = $parameter->getName();
        if (!\array_key_exists($name, $value)) {
            if ($parameter->isOptional()) {
                return $this;
            }
            if ($parameter->allowsNull()) {
                return null;
            }
            $this->mapper->fail(null, "$class::\$$name");
        }
        return $this->mapper->map($value[$name], self::typeName($parameter->getType()));
    }

    private function withProperties(\ReflectionClass $reflection, array $value): object
    {
        $object = $reflection->newInstance();
        foreach ($reflection->getProperties(\ReflectionProperty::IS_PUBLIC) as $property) {
            if (!$property->isStatic() && \array_key_exists($property->getName(), $value)) {
                $type = self::typeName($property->getType());
                $property->setValue($object, $this->mapper->map($value[$property->getName()], $type));
            }
        }
        return $object;
    }

    /** A declared type as a type string; intersection types and none map as "mixed". */
    private static function typeName(?\ReflectionType $type): string
    {
        if ($type instanceof \ReflectionUnionType) {
            return implode('|', array_map(self::typeName(...), $type->getTypes()));
        }
        if (!$type instanceof \ReflectionNamedType) {
            return 'mixed';
        }
        $name = $type->getName();
        return $type->allowsNull() && $name !== 'mixed' && $name !== 'null' ? "?$name" : $name;
    }
}
