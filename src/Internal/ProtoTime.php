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
    /** The longest protobuf Duration (10,000 years), so the longest duration the SDK takes. */
    public const MAX_SECONDS = 315_576_000_000;

    /**
     * The one check every duration the SDK takes goes through: a finite number of seconds (or an interval),
     * not negative, at most MAX_SECONDS.
     *
     * @param \DateInterval|int|float $value an interval, or a number of seconds
     * @param string $option names the option in the error message, e.g. "ActivityOptions::withStartToCloseTimeout()"
     * @throws \ValueError $value is NaN, infinite, negative or longer than MAX_SECONDS
     */
    public static function seconds(\DateInterval|int|float $value, string $option): float
    {
        if ($value instanceof \DateInterval) {
            $epoch = new \DateTimeImmutable('@0');
            $end = $epoch->add($value);
            $value = (float) $end->format('U.u');
        }
        $seconds = (float) $value;
        $problem = match (true) {
            !is_finite($seconds) => 'must be a finite number of seconds',
            $seconds < 0 => 'must not be negative',
            $seconds > self::MAX_SECONDS => 'must be at most ' . self::MAX_SECONDS . ' seconds (10,000 years)',
            default => null,
        };
        if ($problem !== null) {
            throw new \ValueError("$option: the duration $problem, got " . var_export($value, true));
        }
        return $seconds;
    }

    /**
     * Like seconds(), for a wait (a timer, an await timeout): a negative duration, as a deadline computed in
     * the past gives, waits no time at all.
     *
     * @throws \ValueError $value is NaN, infinite or longer than MAX_SECONDS
     */
    public static function waitSeconds(float $value, string $option): float
    {
        return self::seconds($value < 0 && is_finite($value) ? 0.0 : $value, $option);
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
