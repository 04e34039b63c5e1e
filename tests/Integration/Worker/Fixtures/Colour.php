<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures;

enum Colour: string
{
    case Red = 'red';
    case Blue = 'blue';
}
