<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * The one check of the string fields the server takes as protobuf strings, so UTF-8 only (addresses,
 * namespaces, identities, ids, task queues, type and handler names): refused where the value enters the
 * SDK, naming the field, instead of a JsonException or a protobuf decode error from the bridge later.
 *
 * @internal
 */
final class Utf8
{
    // The longest prefix of well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
    private const VALID_PREFIX = '/\A(?:[\x00-\x7F]|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]'
        . '|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}'
        . '|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2})*/';

    /**
     * @param string $field names the field in the error, e.g. "WorkflowOptions::withWorkflowId(): the workflow id"
     * @return string $value
     * @throws \ValueError $value is not valid UTF-8
     */
    public static function check(string $value, string $field): string
    {
        if (preg_match('//u', $value) === 1) {
            return $value;
        }
        preg_match(self::VALID_PREFIX, $value, $match);
        $offset = \strlen($match[0] ?? '');
        throw new \ValueError(sprintf('%s must be valid UTF-8, but byte %d of %d (0x%02x) is not',
            $field, $offset + 1, \strlen($value), \ord($value[$offset])));
    }

    /** check() for an optional field. */
    public static function checkOptional(?string $value, string $field): ?string
    {
        return $value === null ? null : self::check($value, $field);
    }
}
