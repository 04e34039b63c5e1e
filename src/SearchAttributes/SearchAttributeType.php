<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\SearchAttributes;

/**
 * The indexed type of a search attribute. The value is the "type" metadata every SDK writes on a search
 * attribute payload.
 */
enum SearchAttributeType: string
{
    case Text = 'Text';
    case Keyword = 'Keyword';
    case Int = 'Int';
    case Double = 'Double';
    case Bool = 'Bool';
    case Datetime = 'Datetime';
    case KeywordList = 'KeywordList';

    /** Whether $value is a valid PHP value of this type. */
    public function accepts(mixed $value): bool
    {
        return match ($this) {
            self::Text, self::Keyword => \is_string($value),
            self::Int => \is_int($value),
            self::Double => \is_float($value) || \is_int($value),
            self::Bool => \is_bool($value),
            self::Datetime => $value instanceof \DateTimeInterface,
            self::KeywordList => \is_array($value) && array_is_list($value)
                && array_filter($value, 'is_string') === $value,
        };
    }
}
