<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\SearchAttributes;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

final class SearchAttributesTest extends TestCase
{
    public function testEveryTypeRoundTripsThroughTheWireFormat(): void
    {
        $attributes = SearchAttributes::empty()
            ->withValue(SearchAttributeKey::forKeyword('K'), 'k')
            ->withValue(SearchAttributeKey::forText('T'), 'some text ü')
            ->withValue(SearchAttributeKey::forInt('I'), PHP_INT_MAX)
            ->withValue(SearchAttributeKey::forDouble('D'), 2)
            ->withValue(SearchAttributeKey::forBool('B'), false)
            ->withValue(SearchAttributeKey::forDatetime('Dt'), new \DateTime('2026-05-06T07:08:09.123456+02:00'))
            ->withValue(SearchAttributeKey::forKeywordList('L'), ['x', 'y']);

        $back = SearchAttributeCodec::fromMessage(SearchAttributeCodec::toMessage($attributes));

        $this->assertCount(7, $back);
        $this->assertSame(2.0, $back->get(SearchAttributeKey::forDouble('D')));
        $this->assertSame(PHP_INT_MAX, $back->get(SearchAttributeKey::forInt('I')));
        $this->assertFalse($back->get(SearchAttributeKey::forBool('B')));
        $this->assertSame(['x', 'y'], $back->get(SearchAttributeKey::forKeywordList('L')));
        $this->assertSame('some text ü', $back->get(SearchAttributeKey::forText('T')));
        $due = $back->get(SearchAttributeKey::forDatetime('Dt'))->setTimezone(new \DateTimeZone('UTC'));
        $this->assertSame('2026-05-06T05:08:09.123456Z', $due->format('Y-m-d\TH:i:s.u\Z'));
    }

    public function testAValueOfTheWrongTypeIsRejected(): void
    {
        $this->expectException(\TypeError::class);
        $this->expectExceptionMessage('a value of N (Int) cannot be string');
        SearchAttributes::empty()->withValue(SearchAttributeKey::forInt('N'), '1');
    }

    public function testGetWithAKeyOfAnotherTypeReturnsNull(): void
    {
        $attributes = SearchAttributes::empty()->withValue(SearchAttributeKey::forKeyword('A'), 'a');

        $this->assertNull($attributes->get(SearchAttributeKey::forInt('A')));
        $this->assertFalse($attributes->has(SearchAttributeKey::forInt('A')));
        $this->assertSame(['A' => 'a'], $attributes->toArray());
        $this->assertCount(0, $attributes->withoutValue(SearchAttributeKey::forKeyword('A')));
    }
}
