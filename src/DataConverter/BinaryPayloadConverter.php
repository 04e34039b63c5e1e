<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;

/** Encodes Bytes as a "binary/plain" payload (the data is the bytes); decodes to Bytes, or to string if asked. */
final class BinaryPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'binary/plain';

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    public function toPayload(mixed $value): ?Payload
    {
        if (!$value instanceof Bytes) {
            return null;
        }
        return new Payload(['metadata' => ['encoding' => self::ENCODING], 'data' => $value->getData()]);
    }

    /** @throws DataConverterException $type is neither Bytes, string nor mixed */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        $wanted = ltrim((string) $type, '?\\');
        return match ($wanted) {
            '', 'mixed', Bytes::class, \Stringable::class => new Bytes($payload->getData()),
            'string' => $payload->getData(),
            default => throw DataConverterException::notOfType(self::ENCODING, (string) $type, 'bytes'),
        };
    }
}
