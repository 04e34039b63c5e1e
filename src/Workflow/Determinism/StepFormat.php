<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

use Google\Protobuf\Duration;

/**
 * The short texts both sides of a step share, so that a command and the event it recorded print alike and
 * compare equal: a duration as "30s", a map as its sorted keys.
 *
 * @internal
 */
final class StepFormat
{
    public static function duration(?Duration $duration): ?string
    {
        if ($duration === null) {
            return null;
        }
        $seconds = (int) $duration->getSeconds() + $duration->getNanos() / 1e9;
        // Three decimals: a millisecond is the finest a workflow timer is worth showing.
        $text = rtrim(rtrim(number_format($seconds, 3, '.', ''), '0'), '.');
        return $text . 's';
    }

    /**
     * The keys of a protobuf map (search attributes, memo), sorted: what a reader recognises, without the
     * encoded values.
     *
     * @param iterable<string, mixed>|null $map
     */
    public static function keys(?iterable $map): ?string
    {
        if ($map === null) {
            return null;
        }
        $keys = [];
        foreach ($map as $key => $_) {
            $keys[] = (string) $key;
        }
        sort($keys, SORT_STRING);
        return $keys === [] ? null : implode(', ', $keys);
    }

    /** An empty protobuf string means "not set". */
    public static function orNull(?string $value): ?string
    {
        return $value === null || $value === '' ? null : $value;
    }
}
