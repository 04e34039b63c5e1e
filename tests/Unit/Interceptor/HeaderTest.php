<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Interceptor;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Tests\Interop\XorCodec;

final class HeaderTest extends TestCase
{
    public function testValuesRoundTripThroughTheConverterAndItsCodecs(): void
    {
        $converter = DataConverter::default()->withCodecs(new XorCodec());
        $header = Header::empty($converter)->withValue('tenant', 'acme')->withValue('attempt', 3);

        $wire = Header::fromMessage($header->toMessage(), $converter);

        self::assertSame(['tenant', 'attempt'], $wire->getNames());
        self::assertSame('acme', $wire->getValue('tenant'));
        self::assertSame(3, $wire->getValue('attempt', 'int'));
        self::assertNotSame('"acme"', $header->toMessage()['tenant']->getData(), 'the codec ran');
    }

    public function testACopyLeavesTheOriginalAsItWas(): void
    {
        $header = Header::empty(DataConverter::default())->withValue('a', 1);

        $changed = $header->withValue('a', 2)->withoutValue('b')->withValue('b', 'x')->withoutValue('a');

        self::assertSame(1, $header->getValue('a'));
        self::assertFalse($header->hasValue('b'));
        self::assertSame(['b'], $changed->getNames());
        self::assertCount(1, $changed);
        self::assertNull($changed->getValue('a'));
    }

    public function testAnEmptyOrBrokenNameIsRefused(): void
    {
        $header = Header::empty(DataConverter::default());
        foreach (['', "\xff"] as $name) {
            try {
                $header->withValue($name, 1);
                self::fail('accepted ' . bin2hex($name));
            } catch (\ValueError $e) {
                self::assertStringContainsString('Header::withValue(): the name', $e->getMessage());
            }
        }
    }
}
