<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Internal;

/**
 * The with*() copies of an interceptor input: a class whose public readonly properties are its promoted
 * constructor parameters, by the same names, gets a copy with one of them changed.
 *
 * @internal
 */
trait InputCopies
{
    private function with(string $property, mixed $value): static
    {
        $arguments = get_object_vars($this);
        $arguments[$property] = $value;
        return new static(...$arguments);
    }
}
