<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Turns a decoded JSON value (scalars, lists, associative arrays) into a declared PHP type: "int", "float",
 * "string", "bool", "array", "object", "mixed", "?T", "A|B", "T[]", a backed enum, \DateTimeImmutable, a protobuf
 * message, or a class built through its constructor (promoted properties), arguments matched by name.
 *
 * @internal
 */
final class ValueMapper
{
    public function __construct(private string $encoding)
    {
    }

    /** @throws DataConverterException $value does not fit $type */
    public function map(mixed $value, string $type): mixed
    {
        $type = ltrim($type, '\\');
        if (str_contains($type, '|')) {
            return $this->mapUnion($value, explode('|', $type));
        }
        if (str_starts_with($type, '?')) {
            return $value === null ? null : $this->map($value, substr($type, 1));
        }
        if (str_ends_with($type, '[]')) {
            return $this->mapList($value, substr($type, 0, -2));
        }
        return match (strtolower($type)) {
            'mixed' => $value,
            'null' => $value === null ? null : $this->fail($value, $type),
            'int' => \is_int($value) || (\is_float($value) && floor($value) === $value && abs($value) < 2 ** 63)
                ? (int) $value : $this->fail($value, $type),
            'float' => \is_int($value) || \is_float($value) ? (float) $value : $this->fail($value, $type),
            'string' => \is_string($value) ? $value : $this->fail($value, $type),
            'bool' => \is_bool($value) ? $value : $this->fail($value, $type),
            'array', 'iterable' => \is_array($value) ? $value : (array) $this->objectOrFail($value, $type),
            'object', 'stdclass' => $this->objectOrFail($value, $type),
            default => $this->mapClass($value, $type),
        };
    }

    /** The first alternative, in declaration order, that $value fits. */
    private function mapUnion(mixed $value, array $types): mixed
    {
        if ($value === null && \in_array('null', array_map('strtolower', $types), true)) {
            return null;
        }
        foreach ($types as $type) {
            try {
                return $this->map($value, $type);
            } catch (DataConverterException) {
                continue; // try the next alternative
            }
        }
        $this->fail($value, implode('|', $types));
    }

    private function mapList(mixed $value, string $elementType): array
    {
        if (!\is_array($value)) {
            $this->fail($value, "{$elementType}[]");
        }
        return array_map(fn (mixed $element): mixed => $this->map($element, $elementType), $value);
    }

    private function mapClass(mixed $value, string $class): mixed
    {
        if (!class_exists($class) && !interface_exists($class)) {
            throw DataConverterException::notOfType($this->encoding, $class, 'an unknown class');
        }
        if (is_object($value) && $value instanceof $class) {
            return $value;
        }
        if (is_subclass_of($class, \BackedEnum::class)) {
            return (\is_int($value) || \is_string($value) ? $class::tryFrom($value) : null)
                ?? $this->fail($value, $class);
        }
        if (is_a($class, \DateTimeInterface::class, true)) {
            return $this->mapDateTime($value, $class);
        }
        if (is_subclass_of($class, Message::class)) {
            return $this->mapMessage($value, $class);
        }
        return (new ObjectBuilder($this))->build($value, $class) ?? $this->fail($value, $class);
    }

    private function mapDateTime(mixed $value, string $class): \DateTimeInterface
    {
        $class = $class === \DateTimeInterface::class ? \DateTimeImmutable::class : $class;
        try {
            return \is_string($value) ? new $class($value) : $this->fail($value, $class);
        } catch (\Exception $e) {
            throw DataConverterException::cannotDecode($this->encoding, $e);
        }
    }

    /** @param class-string<Message> $class */
    private function mapMessage(mixed $value, string $class): Message
    {
        $message = new $class();
        try {
            $message->mergeFromJsonString(json_encode($value, JSON_THROW_ON_ERROR));
        } catch (\Exception $e) {
            throw DataConverterException::cannotDecode($this->encoding, $e);
        }
        return $message;
    }

    private function objectOrFail(mixed $value, string $type): object
    {
        if ($value instanceof \stdClass) {
            return $value;
        }
        if (\is_array($value)) {
            return (object) $value;
        }
        $this->fail($value, $type);
    }

    /** @throws DataConverterException */
    public function fail(mixed $value, string $type): never
    {
        throw DataConverterException::notOfType($this->encoding, $type, get_debug_type($value));
    }
}
