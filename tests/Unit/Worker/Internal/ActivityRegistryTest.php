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
        self::assertSame('charged 250', $registry->find('billing.charge')?->invoke('billing.charge', $input, $converter));
        self::assertNull($registry->find('billing.notAnActivity'));
    }

    public function testDynamicActivityHandlesUnregisteredTypes(): void
    {
        $registry = new ActivityRegistry();
        $registry->registerDynamic(fn (string $type, $args) => "$type:" . \count($args));
        $converter = DataConverter::default();
        self::assertSame('x.y:2', $registry->find('x.y')?->invoke('x.y', $converter->toPayloads([1, 2]), $converter));
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
