<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use Google\Protobuf\Duration;
use Google\Protobuf\Timestamp;

/**
 * Converts between PHP time values and the protobuf well-known time types.
 *
 * @internal
 */
final class ProtoTime
{
    /**
     * @param \DateInterval|int|float $value an interval, or a number of seconds
     * @param string $what names the value in the error message
     * @throws \ValueError $value is negative
     */
    public static function seconds(\DateInterval|int|float $value, string $what): float
    {
        if ($value instanceof \DateInterval) {
            $epoch = new \DateTimeImmutable('@0');
            $end = $epoch->add($value);
            $value = (float) $end->format('U.u');
        }
        if ($value < 0) {
            throw new \ValueError("$what must not be negative");
        }
        return (float) $value;
    }

    public static function toDuration(float $seconds): Duration
    {
        $whole = (int) floor($seconds);
        return new Duration(['seconds' => $whole, 'nanos' => (int) round(($seconds - $whole) * 1e9)]);
    }

    /** A Duration in seconds; 0.0 for none. */
    public static function durationSeconds(?Duration $duration): float
    {
        return $duration === null ? 0.0 : $duration->getSeconds() + $duration->getNanos() / 1e9;
    }

    public static function toTimestamp(\DateTimeInterface $time): Timestamp
    {
        return new Timestamp(['seconds' => $time->getTimestamp(), 'nanos' => (int) $time->format('u') * 1000]);
    }

    public static function toDateTime(?Timestamp $timestamp): ?\DateTimeImmutable
    {
        if ($timestamp === null || ($timestamp->getSeconds() == 0 && $timestamp->getNanos() === 0)) {
            return null;
        }
        $micros = intdiv($timestamp->getNanos(), 1000);
        $text = sprintf('%d.%06d', $timestamp->getSeconds(), $micros);
        return \DateTimeImmutable::createFromFormat('U.u', $text, new \DateTimeZone('UTC')) ?: null;
    }
}
