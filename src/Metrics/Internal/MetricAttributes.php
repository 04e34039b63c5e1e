<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics\Internal;

/**
 * Labels of custom metrics: checked where they are given, sent to the bridge as a JSON object.
 *
 * @internal
 */
final class MetricAttributes
{
    /**
     * @param array<mixed> $attributes
     * @return array<string, string|int|float|bool>
     * @throws \ValueError a name is not a label name or a value is not a string, number or boolean
     */
    public static function checked(array $attributes, string $where): array
    {
        foreach ($attributes as $name => $value) {
            if (!\is_string($name) || preg_match('/^[a-zA-Z_][a-zA-Z0-9_]*$/D', $name) !== 1) {
                throw new \ValueError("$where: \"$name\" is not a label name (letters, digits and _)");
            }
            if (!\is_scalar($value) || (\is_float($value) && !is_finite($value))) {
                throw new \ValueError("$where: the value of \"$name\" must be a string, a number or a boolean");
            }
        }
        return $attributes;
    }

    /** @param array<string, string|int|float|bool> $attributes */
    public static function json(array $attributes): string
    {
        return $attributes === [] ? '' : json_encode($attributes, JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION);
    }
}
