<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Converts values of the kinds it understands to and from payloads of one encoding. A DataConverter asks its
 * converters in order; the first one that accepts a value encodes it, and the "encoding" metadata of a
 * payload picks the converter that decodes it.
 */
interface PayloadConverter
{
    /** The value of the payload's "encoding" metadata, e.g. "json/plain". */
    public function getEncoding(): string;

    /**
     * Encodes $value. MUST return null, without side effects, for a value it does not handle, so that the
     * next converter can. A returned payload MUST carry getEncoding() as its "encoding" metadata.
     *
     * @throws DataConverterException $value is of a handled kind but cannot be encoded
     */
    public function toPayload(mixed $value): ?Payload;

    /**
     * Decodes a payload of this converter's encoding. MUST NOT return a partial value on bad data: throw.
     *
     * @param ?string $type the PHP type the caller wants ("int", "?string", "Foo[]", a class or enum name);
     *                      null: the encoding's natural PHP value
     * @throws DataConverterException the payload's data is not valid for this encoding or not of $type
     */
    public function fromPayload(Payload $payload, ?string $type = null): mixed;
}
