<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;

/** Encodes null as an empty "binary/null" payload, as every Temporal SDK does. */
final class NullPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'binary/null';

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    public function toPayload(mixed $value): ?Payload
    {
        if ($value !== null) {
            return null;
        }
        return new Payload(['metadata' => ['encoding' => self::ENCODING]]);
    }

    /** @throws DataConverterException the payload has data */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        if ($payload->getData() !== '') {
            throw DataConverterException::invalidData(self::ENCODING, 'a binary/null payload must be empty');
        }
        return null;
    }
}
