<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Encodes any JSON-encodable value as a "json/plain" payload. JSON objects decode to associative arrays
 * by default, or to \stdClass with $associative = false.
 */
final class JsonPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'json/plain';

    private const ENCODE_FLAGS = JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES
        | JSON_UNESCAPED_UNICODE;
    private const DECODE_FLAGS = JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING;

    public function __construct(private bool $associative = true)
    {
    }

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    /** @throws DataConverterException $value cannot be JSON-encoded (a resource, invalid UTF-8, a cycle) */
    public function toPayload(mixed $value): ?Payload
    {
        try {
            $data = json_encode($value, self::ENCODE_FLAGS);
        } catch (\JsonException $e) {
            throw DataConverterException::cannotEncode(get_debug_type($value), self::ENCODING, $e);
        }
        return new Payload(['metadata' => ['encoding' => self::ENCODING], 'data' => $data]);
    }

    /** @throws DataConverterException the payload's data is not valid JSON */
    public function fromPayload(Payload $payload): mixed
    {
        try {
            return json_decode($payload->getData(), $this->associative, 512, self::DECODE_FLAGS);
        } catch (\JsonException $e) {
            throw DataConverterException::cannotDecode(self::ENCODING, $e);
        }
    }
}
