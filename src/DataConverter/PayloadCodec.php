<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Transforms encoded payloads as a whole (encryption, compression) after conversion and before they leave the
 * process, and back when they enter it. A DataConverter applies its codecs in order to encode and in reverse
 * order to decode.
 *
 * encode() and decode() MUST return as many payloads as they were given, in the same order, and decode()
 * MUST undo encode(). A codec MUST pass through unchanged a payload it did not encode (decode() sees every
 * payload, also ones written without this codec).
 */
interface PayloadCodec
{
    /**
     * @param list<Payload> $payloads
     * @return list<Payload>
     * @throws DataConverterException a payload cannot be encoded
     */
    public function encode(array $payloads): array;

    /**
     * @param list<Payload> $payloads
     * @return list<Payload>
     * @throws DataConverterException a payload cannot be decoded (a wrong key, corrupted data)
     */
    public function decode(array $payloads): array;
}
