<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\ProtoMessageTypes;

/**
 * Encodes protobuf messages in the protobuf wire format as "binary/protobuf" payloads, with the message's full
 * proto name as "messageType" metadata.
 */
final class ProtoPayloadConverter implements PayloadConverter
{
    public const ENCODING = 'binary/protobuf';

    public function getEncoding(): string
    {
        return self::ENCODING;
    }

    public function toPayload(mixed $value): ?Payload
    {
        if (!$value instanceof Message) {
            return null;
        }
        return new Payload([
            'metadata' => ['encoding' => self::ENCODING, 'messageType' => ProtoMessageTypes::nameOf($value)],
            'data' => $value->serializeToString(),
        ]);
    }

    /** @throws DataConverterException the message type is unknown or the data does not decode */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        $protoName = $payload->getMetadata()['messageType'] ?? '';
        $message = ProtoMessageTypes::newMessage(self::ENCODING, $protoName, $type);
        try {
            $message->mergeFromString($payload->getData());
        } catch (\Exception $e) {
            throw DataConverterException::cannotDecode(self::ENCODING, $e);
        }
        return $message;
    }
}
