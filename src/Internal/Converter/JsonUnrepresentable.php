<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

/**
 * Finds what json_encode() writes as {} without complaint although it holds something: a Closure, a
 * Generator, an exception, an object with only private or protected properties, an internal object keeping
 * its state out of sight (SplObjectStorage, WeakMap, Fiber). Sent so, a value would arrive as an empty
 * object. An empty \stdClass, or an object of a class without properties, is {} faithfully.
 *
 * @internal
 */
final class JsonUnrepresentable
{
    /**
     * Where $value holds such an object, e.g. 'the Closure at ["handlers"][0]'; null: nowhere. Only called
     * once the JSON text holds a "{}", so the common case pays nothing.
     */
    public static function find(mixed $value): ?string
    {
        return self::search($value, '');
    }

    private static function search(mixed $value, string $path): ?string
    {
        if (\is_array($value)) {
            return self::searchEach($value, $path, fn (int|string $key): string => '[' . json_encode($key) . ']');
        }
        if (!\is_object($value) || $value instanceof \UnitEnum) {
            return null;
        }
        if ($value instanceof \JsonSerializable) {
            return self::search($value->jsonSerialize(), $path);
        }
        if (self::isLostAsEmptyObject($value)) {
            return 'the ' . get_debug_type($value) . ($path === '' ? '' : " at $path");
        }
        return self::searchEach(get_object_vars($value), $path, fn (int|string $name): string => "->$name");
    }

    /** @param \Closure(int|string): string $step */
    private static function searchEach(array $values, string $path, \Closure $step): ?string
    {
        foreach ($values as $key => $item) {
            $found = self::search($item, $path . $step($key));
            if ($found !== null) {
                return $found;
            }
        }
        return null;
    }

    private static function isLostAsEmptyObject(object $value): bool
    {
        if ($value instanceof \stdClass || json_encode($value) !== '{}') {
            return false;
        }
        $hasProperties = (array) $value !== [];
        return $hasProperties || (new \ReflectionObject($value))->isInternal();
    }
}
