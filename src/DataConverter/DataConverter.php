<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Turns workflow arguments, results, signal and query values and failure details into payloads and back,
 * through an ordered list of PayloadConverters.
 */
final class DataConverter
{
    /** @var list<PayloadConverter> */
    private array $converters;
    /** @var array<string, PayloadConverter> encoding => converter */
    private array $byEncoding = [];

    public function __construct(PayloadConverter ...$converters)
    {
        $this->converters = array_values($converters);
        foreach ($this->converters as $converter) {
            $this->byEncoding[$converter->getEncoding()] ??= $converter;
        }
    }

    /** null as binary/null, everything else as json/plain. */
    public static function default(): self
    {
        return new self(new NullPayloadConverter(), new JsonPayloadConverter());
    }

    /** @throws DataConverterException no converter accepts $value, or the one that does fails */
    public function toPayload(mixed $value): Payload
    {
        foreach ($this->converters as $converter) {
            $payload = $converter->toPayload($value);
            if ($payload !== null) {
                return $payload;
            }
        }
        throw DataConverterException::noConverterFor(get_debug_type($value));
    }

    /** @throws DataConverterException the payload's encoding is unknown or its data is invalid */
    public function fromPayload(Payload $payload): mixed
    {
        $encoding = $payload->getMetadata()['encoding'] ?? '';
        $converter = $this->byEncoding[$encoding] ?? null;
        if ($converter === null) {
            throw DataConverterException::unknownEncoding($encoding, array_keys($this->byEncoding));
        }
        return $converter->fromPayload($payload);
    }

    /**
     * @param array<mixed> $values encoded in order; keys are ignored
     * @throws DataConverterException a value cannot be encoded
     */
    public function toPayloads(array $values): Payloads
    {
        return new Payloads(['payloads' => array_map($this->toPayload(...), array_values($values))]);
    }

    /**
     * @return list<mixed> the decoded values; [] for null
     * @throws DataConverterException a payload cannot be decoded
     */
    public function fromPayloads(?Payloads $payloads): array
    {
        $values = [];
        foreach ($payloads?->getPayloads() ?? [] as $payload) {
            $values[] = $this->fromPayload($payload);
        }
        return $values;
    }
}
