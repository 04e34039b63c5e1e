<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Activity;

/**
 * Marks a class (or interface) whose #[ActivityMethod] methods are activities. Each activity's type name is
 * the prefix followed by the method's name (or the name given in #[ActivityMethod]).
 */
#[\Attribute(\Attribute::TARGET_CLASS)]
final class ActivityInterface
{
    public function __construct(public readonly string $prefix = '')
    {
    }
}
