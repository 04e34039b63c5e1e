<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\ProtoMessageTypes;

/**
 * Encodes protobuf messages in the proto3 JSON mapping as "json/protobuf" payloads, with the message's full
 * proto name as "messageType" metadata. The JSON is compact with sorted keys, byte for byte what the Python
 * SDK writes.
 */
final class ProtoJsonPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'json/protobuf';

    private const FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION;

    /** @param bool $ignoreUnknownFields decode JSON with fields the message does not have (else throw) */
    public function __construct(private bool $ignoreUnknownFields = false)
    {
    }

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    /** @throws DataConverterException the message cannot be serialized */
    public function toPayload(mixed $value): ?Payload
    {
        if (!$value instanceof Message) {
            return null;
        }
        try {
            $json = json_decode($value->serializeToJsonString(), false, 512, JSON_THROW_ON_ERROR);
            $data = json_encode(self::sortKeys($json), self::FLAGS);
        } catch (\Exception $e) {
            throw DataConverterException::cannotEncode($value::class, self::ENCODING, $e);
        }
        return new Payload([
            'metadata' => ['encoding' => self::ENCODING, 'messageType' => ProtoMessageTypes::nameOf($value)],
            'data' => $data,
        ]);
    }

    /** @throws DataConverterException the message type is unknown or the JSON does not fit it */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        $protoName = $payload->getMetadata()['messageType'] ?? '';
        $message = ProtoMessageTypes::newMessage(self::ENCODING, $protoName, $type);
        try {
            $message->mergeFromJsonString($payload->getData(), $this->ignoreUnknownFields);
        } catch (\Exception $e) {
            throw DataConverterException::cannotDecode(self::ENCODING, $e);
        }
        return $message;
    }

    private static function sortKeys(mixed $json): mixed
    {
        if (\is_array($json)) {
            return array_map(self::sortKeys(...), $json);
        }
        if (!$json instanceof \stdClass) {
            return $json;
        }
        $properties = get_object_vars($json);
        ksort($properties, SORT_STRING);
        return (object) array_map(self::sortKeys(...), $properties);
    }
}
