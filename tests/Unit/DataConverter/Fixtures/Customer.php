<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures;

final class Customer
{
    public function __construct(public readonly string $name, public readonly int $age)
    {
    }
}
