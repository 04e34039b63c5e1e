<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\JsonPayloadConverter;
use TrueAsync\Temporal\DataConverter\PayloadConverter;
use TrueAsync\Temporal\Exception\DataConverterException;

final class DataConverterTest extends TestCase
{
    public function testNullBecomesAnEmptyBinaryNullPayload(): void
    {
        $payload = DataConverter::default()->toPayload(null);

        $this->assertSame('binary/null', $payload->getMetadata()['encoding']);
        $this->assertSame('', $payload->getData());
        $this->assertNull(DataConverter::default()->fromPayload($payload));
    }

    public function testValuesRoundTripThroughPayloadsInOrder(): void
    {
        $values = [1, 'two', 3.5, false, null, ['k' => ['v']], []];
        $converter = DataConverter::default();

        $payloads = $converter->toPayloads(['x' => 1, 'y' => 'two'] + array_slice($values, 2, null, true));

        $this->assertCount(7, $payloads->getPayloads());
        $this->assertSame($values, $converter->fromPayloads($payloads));
    }

    public function testNullPayloadsDecodeToNoValues(): void
    {
        $this->assertSame([], DataConverter::default()->fromPayloads(null));
    }

    public function testAnUnknownEncodingThrowsNamingIt(): void
    {
        $payload = new Payload(['metadata' => ['encoding' => 'binary/avro'], 'data' => 'x']);

        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage(
            'encoding "binary/avro" (known: binary/null, binary/plain, json/protobuf, binary/protobuf, json/plain)',
        );
        DataConverter::default()->fromPayload($payload);
    }

    public function testConvertersAreAskedInOrderAndChosenByEncodingToDecode(): void
    {
        $upper = new class () implements PayloadConverter {
            public function getEncoding(): string
            {
                return 'text/upper';
            }

            public function toPayload(mixed $value): ?Payload
            {
                return \is_string($value)
                    ? new Payload(['metadata' => ['encoding' => 'text/upper'], 'data' => strtoupper($value)])
                    : null;
            }

            public function fromPayload(Payload $payload, ?string $type = null): mixed
            {
                return strtolower($payload->getData());
            }
        };
        $converter = new DataConverter($upper, new JsonPayloadConverter());

        $payloads = $converter->toPayloads(['shout', 7]);

        $this->assertSame('SHOUT', $payloads->getPayloads()[0]->getData());
        $this->assertSame('json/plain', $payloads->getPayloads()[1]->getMetadata()['encoding']);
        $this->assertSame(['shout', 7], $converter->fromPayloads($payloads));
    }

    public function testAValueNoConverterAcceptsThrows(): void
    {
        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('No payload converter accepts a value of type int');
        (new DataConverter())->toPayload(1);
    }
}
