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

    public function testWithoutValueRecordsARemovalThatReadingDoesNotSee(): void
    {
        $keyword = SearchAttributeKey::forKeyword('K');
        $int = SearchAttributeKey::forInt('I');
        $update = SearchAttributes::empty()->withValue($keyword, 'k')->withValue($int, 1)->withoutValue($keyword);

        $this->assertSame(['I' => 1], $update->toArray());
        $this->assertCount(1, $update);
        $this->assertFalse($update->has($keyword));
        $this->assertEquals([$keyword], $update->getRemovedKeys());
        $this->assertSame([], $update->withValue($keyword, 'again')->getRemovedKeys(), 'setting it again cancels the removal');
    }

    public function testMergeAppliesTheOthersValuesAndRemovals(): void
    {
        $keyword = SearchAttributeKey::forKeyword('K');
        $int = SearchAttributeKey::forInt('I');
        $text = SearchAttributeKey::forText('T');
        $current = SearchAttributes::empty()->withValue($keyword, 'k')->withValue($int, 1)->withoutValue($text);

        $merged = $current->merge(SearchAttributes::empty()->withoutValue($keyword)->withValue($text, 't'));

        $this->assertSame(['I' => 1, 'T' => 't'], $merged->toArray());
        $this->assertEquals([$keyword], $merged->getRemovedKeys());
    }

    public function testAnUpsertEncodesARemovalAsANullPayloadWithoutTypeAndAStartLeavesItOut(): void
    {
        $attributes = SearchAttributes::empty()->withValue(SearchAttributeKey::forInt('I'), 5)
            ->withoutValue(SearchAttributeKey::forKeyword('K'));

        $upsert = SearchAttributeCodec::toUpsertMessage($attributes)->getIndexedFields();
        $names = array_keys(iterator_to_array($upsert));
        sort($names);
        $this->assertSame(['I', 'K'], $names);
        $this->assertSame(['encoding' => 'binary/null'], iterator_to_array($upsert['K']->getMetadata()));
        $this->assertSame('', $upsert['K']->getData());
        $this->assertSame('Int', $upsert['I']->getMetadata()['type']);

        $start = SearchAttributeCodec::toMessage($attributes)->getIndexedFields();
        $this->assertSame(['I'], array_keys(iterator_to_array($start)));
        $this->assertCount(1, SearchAttributeCodec::fromMessage(SearchAttributeCodec::toUpsertMessage($attributes)),
            'a null without type reads as nothing');
    }
}
