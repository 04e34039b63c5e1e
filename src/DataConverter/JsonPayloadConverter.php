<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\JsonUnrepresentable;
use TrueAsync\Temporal\Internal\Converter\ValueMapper;

/**
 * Encodes any JSON-encodable value as a "json/plain" payload: compact, "/" unescaped and non-ASCII escaped as
 * \uXXXX, byte for byte what the Python SDK writes for the same value (object keys stay in PHP order; Python
 * sorts them). JSON objects decode to associative arrays by default, or to \stdClass with $associative = false
 * or when "object" is asked for; any other asked-for type is built from the decoded value (see ValueMapper).
 */
final class JsonPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'json/plain';

    private const ENCODE_FLAGS = JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES;
    private const DECODE_FLAGS = JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING;

    private int $encodeFlags;

    /**
     * @param bool $associative decode JSON objects to arrays (true) or \stdClass (false)
     * @param bool $escapeUnicode write non-ASCII as \uXXXX (true, as Python and .NET do) or as raw UTF-8
     */
    public function __construct(private bool $associative = true, bool $escapeUnicode = true)
    {
        $this->encodeFlags = self::ENCODE_FLAGS | ($escapeUnicode ? 0 : JSON_UNESCAPED_UNICODE);
    }

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    /**
     * @throws DataConverterException $value cannot be JSON-encoded (a resource, invalid UTF-8, a cycle), or
     *                                only as a lie: it holds a Closure, a Generator, an exception or another
     *                                object JSON would write as an empty {} (see JsonUnrepresentable)
     */
    public function toPayload(mixed $value): ?Payload
    {
        try {
            $data = json_encode($value, $this->encodeFlags);
        } catch (\JsonException $e) {
            throw DataConverterException::cannotEncode(get_debug_type($value), self::ENCODING, $e);
        }
        $lost = str_contains($data, '{}') ? JsonUnrepresentable::find($value) : null;
        if ($lost !== null) {
            throw DataConverterException::notRepresentable(get_debug_type($value), self::ENCODING,
                "$lost has no JSON form (json_encode() would write it as {})");
        }
        return new Payload(['metadata' => ['encoding' => self::ENCODING], 'data' => $data]);
    }

    /** @throws DataConverterException the payload's data is not valid JSON, or not of $type */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        $wantsObject = \in_array(strtolower(ltrim((string) $type, '?\\')), ['object', 'stdclass'], true);
        try {
            $value = json_decode($payload->getData(), $this->associative && !$wantsObject, 512, self::DECODE_FLAGS);
        } catch (\JsonException $e) {
            throw DataConverterException::cannotDecode(self::ENCODING, $e);
        }
        return $type === null ? $value : (new ValueMapper(self::ENCODING))->map($value, $type);
    }
}
