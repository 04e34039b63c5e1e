<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures;

/** A value object with promoted constructor properties, for typed decoding tests. */
final class Order
{
    /** @param list<string> $tags */
    public function __construct(
        public readonly string $id,
        public readonly OrderStatus $status,
        public readonly ?Customer $customer,
        public readonly array $tags = [],
        public readonly float $total = 0.0,
    ) {
    }
}
