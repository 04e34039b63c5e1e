<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use Google\Protobuf\DescriptorPool;
use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Maps protobuf messages to their full proto names ("messageType" payload metadata) and back to PHP classes.
 *
 * @internal
 */
final class ProtoMessageTypes
{
    /** The full proto name of $message's type, e.g. "temporal.api.common.v1.WorkflowExecution". */
    public static function nameOf(Message $message): string
    {
        $descriptor = DescriptorPool::getGeneratedPool()->getDescriptorByClassName($message::class);
        return $descriptor === null ? '' : $descriptor->getFullName();
    }

    /**
     * A new, empty message of $type (a Message class), or else of the proto type $protoName.
     *
     * @throws DataConverterException no PHP class is known for the message type
     */
    public static function newMessage(string $encoding, string $protoName, ?string $type): Message
    {
        $class = self::wantedClass($type) ?? self::classOf($protoName);
        if ($class === null) {
            throw DataConverterException::invalidData($encoding, "no PHP class for message type \"$protoName\"");
        }
        return new $class();
    }

    /** @return ?class-string<Message> */
    private static function wantedClass(?string $type): ?string
    {
        $type = ltrim((string) $type, '?\\');
        return $type !== '' && is_subclass_of($type, Message::class) ? $type : null;
    }

    /** @return ?class-string<Message> */
    private static function classOf(string $protoName): ?string
    {
        if ($protoName === '') {
            return null;
        }
        $pool = DescriptorPool::getGeneratedPool();
        // The native runtime can look a loaded type up by name; the pure-PHP one only by class.
        $byName = method_exists($pool, 'getDescriptorByProtoName');
        $descriptor = $byName ? $pool->getDescriptorByProtoName($protoName) : null;
        $candidates = [$descriptor?->getClass(), self::conventionalClass($protoName)];
        if (str_starts_with($protoName, 'temporal.api.')) {
            $candidates[] = 'TrueAsync\\Temporal\\Api\\' . self::conventionalClass(substr($protoName, 13));
        }
        foreach ($candidates as $class) {
            if ($class !== null && class_exists($class) && is_subclass_of($class, Message::class)) {
                return $class;
            }
        }
        return null;
    }

    /** protoc's default PHP class name: "foo.bar.v1.Baz" → "Foo\Bar\V1\Baz". */
    private static function conventionalClass(string $protoName): string
    {
        return implode('\\', array_map('ucfirst', explode('.', $protoName)));
    }
}
