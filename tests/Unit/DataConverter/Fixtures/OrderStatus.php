<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures;

enum OrderStatus: string
{
    case Open = 'open';
    case Shipped = 'shipped';
}
