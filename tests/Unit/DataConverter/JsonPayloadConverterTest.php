<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\DataConverter\JsonPayloadConverter;
use TrueAsync\Temporal\Exception\DataConverterException;

final class JsonPayloadConverterTest extends TestCase
{
    public function testEncodesAsCompactJsonPlain(): void
    {
        $payload = (new JsonPayloadConverter())->toPayload(['name' => 'Zoë', 'url' => 'a/b', 'price' => 10.0]);

        $this->assertSame('json/plain', $payload->getMetadata()['encoding']);
        $this->assertSame('{"name":"Zo\\u00eb","url":"a/b","price":10.0}', $payload->getData());
    }

    public function testWritesRawUtf8WhenUnicodeEscapingIsOff(): void
    {
        $payload = (new JsonPayloadConverter(escapeUnicode: false))->toPayload('Zoë 😀');

        $this->assertSame('"Zoë 😀"', $payload->getData());
    }

    public function testDecodesObjectsToArraysByDefaultAndToStdClassOnRequest(): void
    {
        $payload = self::payload('{"a":{"b":[1,2.5,null]}}');

        $this->assertSame(['a' => ['b' => [1, 2.5, null]]], (new JsonPayloadConverter())->fromPayload($payload));
        $expected = (object) ['a' => (object) ['b' => [1, 2.5, null]]];
        $this->assertEquals($expected, (new JsonPayloadConverter(false))->fromPayload($payload));
    }

    public function testIntegersBeyondPhpIntDecodeAsStrings(): void
    {
        $big = '123456789012345678901234567890';
        $this->assertSame($big, (new JsonPayloadConverter())->fromPayload(self::payload($big)));
    }

    public function testInvalidJsonThrowsDataConverterException(): void
    {
        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('Cannot decode a json/plain payload');
        (new JsonPayloadConverter())->fromPayload(self::payload('{not json'));
    }

    public function testAnUnencodableValueThrowsDataConverterExceptionWithTheJsonErrorAsPrevious(): void
    {
        try {
            (new JsonPayloadConverter())->toPayload("\xff invalid utf-8");
            $this->fail('invalid UTF-8 was encoded');
        } catch (DataConverterException $e) {
            $this->assertInstanceOf(\JsonException::class, $e->getPrevious());
            $this->assertStringContainsString('Cannot encode a value of type string as json/plain', $e->getMessage());
        }
    }

    private static function payload(string $data): Payload
    {
        return new Payload(['metadata' => ['encoding' => 'json/plain'], 'data' => $data]);
    }
}
