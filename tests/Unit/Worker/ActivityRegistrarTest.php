<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\ActivityProcessSetup;
use TrueAsync\Temporal\Worker\ActivityRegistrar;
use TrueAsync\Temporal\Worker\Worker;

final class ActivityRegistrarTest extends TestCase
{
    public function testOneRegistrationFunctionServesAWorkerAndAPoolProcess(): void
    {
        self::assertContains(ActivityRegistrar::class, class_implements(Worker::class));

        $register = static fn (ActivityRegistrar $activities): ActivityRegistrar => $activities
            ->registerActivityCallable('orders.ping', static fn (): string => 'pong');
        $setup = new ActivityProcessSetup();
        self::assertSame($setup, $register($setup), 'the registrar returns itself, for chaining');
        self::assertSame(['orders.ping'], $setup->getRegistry()->names());
    }
}
