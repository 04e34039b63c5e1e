<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * Random (version 4) UUIDs, for request ids and default workflow ids.
 *
 * @internal
 */
final class Uuid
{
    public static function v4(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = \chr((\ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = \chr((\ord($bytes[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
