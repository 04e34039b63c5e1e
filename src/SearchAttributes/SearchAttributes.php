<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\SearchAttributes;

/**
 * Typed search attribute values, by key. Immutable: withValue() and withoutValue() return a copy.
 *
 * @implements \IteratorAggregate<string, mixed> name => value
 */
final class SearchAttributes implements \IteratorAggregate, \Countable
{
    /** @var array<string, array{SearchAttributeKey, mixed}> name => [key, value] */
    private array $values = [];

    public static function empty(): self
    {
        return new self();
    }

    /**
     * A copy with $key set to $value (a \DateTimeInterface is stored as \DateTimeImmutable).
     *
     * @throws \TypeError $value is not of the key's type
     */
    public function withValue(SearchAttributeKey $key, mixed $value): self
    {
        if (!$key->getType()->accepts($value)) {
            throw new \TypeError("SearchAttributes: a value of $key cannot be " . get_debug_type($value));
        }
        if ($value instanceof \DateTimeInterface) {
            $value = \DateTimeImmutable::createFromInterface($value);
        }
        $copy = clone $this;
        $isDouble = $key->getType() === SearchAttributeType::Double;
        $copy->values[$key->getName()] = [$key, $isDouble ? (float) $value : $value];
        return $copy;
    }

    /** A copy with every value of $other set over this one's. */
    public function merge(self $other): self
    {
        $copy = clone $this;
        $copy->values = array_replace($this->values, $other->values);
        return $copy;
    }

    /** A copy without the value of $key (by name). */
    public function withoutValue(SearchAttributeKey $key): self
    {
        $copy = clone $this;
        unset($copy->values[$key->getName()]);
        return $copy;
    }

    /** The value of $key, or null when unset or set with another type. */
    public function get(SearchAttributeKey $key): mixed
    {
        [$stored, $value] = $this->values[$key->getName()] ?? [null, null];
        return $stored?->getType() === $key->getType() ? $value : null;
    }

    public function has(SearchAttributeKey $key): bool
    {
        return ($this->values[$key->getName()][0] ?? null)?->getType() === $key->getType();
    }

    /** @return list<SearchAttributeKey> */
    public function getKeys(): array
    {
        return array_values(array_map(fn (array $pair) => $pair[0], $this->values));
    }

    /** @return array<string, mixed> name => value */
    public function toArray(): array
    {
        return array_map(fn (array $pair) => $pair[1], $this->values);
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->toArray());
    }

    public function count(): int
    {
        return \count($this->values);
    }
}
