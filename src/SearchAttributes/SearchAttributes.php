<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\SearchAttributes;

/**
 * Typed search attribute values, by key, and the keys to remove. Immutable: withValue() and withoutValue()
 * return a copy. Passed to Workflow::upsertSearchAttributes(), the values are set and the removed keys are
 * removed from the workflow (the server's copy and Workflow::getSearchAttributes() alike); a start ignores the
 * removals. Reading (get(), toArray(), iteration, count()) sees the values only.
 *
 * @implements \IteratorAggregate<string, mixed> name => value
 */
final class SearchAttributes implements \IteratorAggregate, \Countable
{
    /** @var array<string, array{SearchAttributeKey, mixed}> name => [key, value] */
    private array $values = [];
    /** @var array<string, SearchAttributeKey> name => key, for the attributes an upsert removes */
    private array $removed = [];

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
        unset($copy->removed[$key->getName()]);
        return $copy;
    }

    /**
     * A copy with every value of $other set over this one's and every key $other removes removed (and kept
     * as a removal): $other applied as an upsert is applied.
     */
    public function merge(self $other): self
    {
        $copy = clone $this;
        $copy->values = array_replace(array_diff_key($this->values, $other->removed), $other->values);
        $copy->removed = array_replace(array_diff_key($this->removed, $other->values), $other->removed);
        return $copy;
    }

    /**
     * A copy without the value of $key (by name) that records its removal: upserted, it removes the attribute
     * from the workflow, whether or not this set had a value for it.
     */
    public function withoutValue(SearchAttributeKey $key): self
    {
        $copy = clone $this;
        unset($copy->values[$key->getName()]);
        $copy->removed[$key->getName()] = $key;
        return $copy;
    }

    /** @return list<SearchAttributeKey> the keys withoutValue() removed (and no later withValue() set) */
    public function getRemovedKeys(): array
    {
        return array_values($this->removed);
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
