<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Worker\Internal\ActivityRegistry;

#[ActivityInterface(prefix: 'billing.')]
interface BillingActivities
{
    public function charge(int $cents): string;

    #[ActivityMethod(name: 'refundAll')]
    public function refund(): string;
}

final class Billing implements BillingActivities
{
    public function charge(int $cents): string
    {
        return "charged $cents";
    }

    public function refund(): string
    {
        return 'refunded';
    }

    public function notAnActivity(): void
    {
    }
}

final class ActivityRegistryTest extends TestCase
{
    public function testRegistersTheAttributedInterfaceMethodsWithPrefixAndRenames(): void
    {
        $registry = new ActivityRegistry();
        $registry->registerObject(new Billing());
        self::assertSame(['billing.charge', 'billing.refundAll'], $registry->names());
        $converter = DataConverter::default();
        $input = $converter->toPayloads([250]);
        $charge = $registry->find('billing.charge');
        self::assertSame('charged 250', $charge?->call($charge->arguments('billing.charge', $input, $converter)));
        self::assertNull($registry->find('billing.notAnActivity'));
    }

    public function testDynamicActivityHandlesUnregisteredTypes(): void
    {
        $registry = new ActivityRegistry();
        $registry->registerDynamic(fn (string $type, $args) => "$type:" . \count($args));
        $converter = DataConverter::default();
        $dynamic = $registry->find('x.y');
        $arguments = $dynamic?->arguments('x.y', $converter->toPayloads([1, 2]), $converter);
        self::assertSame('x.y', $arguments[0] ?? null, 'a dynamic activity gets the type name first');
        self::assertSame('x.y:2', $dynamic?->call($arguments));
    }

    public function testRejectsDuplicatesAndObjectsWithoutActivityInterface(): void
    {
        $registry = new ActivityRegistry();
        $registry->registerCallable('a', fn () => 1);
        try {
            $registry->registerCallable('a', fn () => 2);
            self::fail('a duplicate name was accepted');
        } catch (\LogicException $e) {
            self::assertSame('activity type "a" is registered twice', $e->getMessage());
        }
        $this->expectExceptionObject(new \LogicException(
            'stdClass has no #[ActivityInterface] class or interface with public methods to register'
        ));
        $registry->registerObject(new \stdClass());
    }
}
