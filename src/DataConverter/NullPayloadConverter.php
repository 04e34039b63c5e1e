<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;

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

    public function fromPayload(Payload $payload): mixed
    {
        return null;
    }
}
