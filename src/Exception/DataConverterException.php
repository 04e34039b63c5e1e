<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;

/**
 * A value could not be converted to a payload, or a payload back to a value. PayloadConverters and
 * PayloadCodecs of users throw it too: `throw new DataConverterException('why', previous: $e)`.
 */
final class DataConverterException extends TemporalException
{
    public static function noConverterFor(string $type): self
    {
        return new self("No payload converter accepts a value of type $type");
    }

    public static function cannotEncode(string $type, string $encoding, \Throwable $previous): self
    {
        return new self("Cannot encode a value of type $type as $encoding: {$previous->getMessage()}", previous: $previous);
    }

    public static function cannotDecode(string $encoding, \Throwable $previous): self
    {
        return new self("Cannot decode a $encoding payload: {$previous->getMessage()}", previous: $previous);
    }

    public static function invalidData(string $encoding, string $why): self
    {
        return new self("Cannot decode a $encoding payload: $why");
    }

    public static function notOfType(string $encoding, string $type, string $actual): self
    {
        return new self("Cannot decode a $encoding payload as $type: it holds $actual");
    }

    /** @param list<string> $known */
    public static function unknownEncoding(string $encoding, array $known): self
    {
        $name = $encoding === '' ? 'no encoding' : "encoding \"$encoding\"";
        return new self("No payload converter for a payload with $name (known: " . implode(', ', $known) . ')');
    }

    /** $value has no faithful form in $encoding: encoding it would lose what it is (a Closure as {}). */
    public static function notRepresentable(string $type, string $encoding, string $why): self
    {
        return new self("Cannot encode a value of type $type as $encoding: $why");
    }

    /** $previous, about the value named $valueName ("argument #2", "result"). */
    public static function inValue(string $valueName, self $previous): self
    {
        return new self(ucfirst($valueName) . ': ' . $previous->getMessage(), previous: $previous);
    }

    public static function codecBroke(string $codec, string $why): self
    {
        return new self("Payload codec $codec broke its contract: $why");
    }
}
