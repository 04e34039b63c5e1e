<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * Checks a duration given in seconds. NaN and infinity compare false to everything, so a plain "< 0" check
 * lets them through, and the bridge would then turn them into a 0 or a saturated number of milliseconds.
 *
 * @internal
 */
final class Seconds
{
    /**
     * @param string $option how the caller names the value, e.g. "RpcRetryOptions::withMaxInterval(): $seconds"
     * @throws \ValueError $seconds is NaN, infinite or negative
     */
    public static function nonNegative(float $seconds, string $option): float
    {
        if (!is_finite($seconds) || $seconds < 0) {
            throw new \ValueError("$option must be a finite number of seconds >= 0, got " . self::format($seconds));
        }
        return $seconds;
    }

    /**
     * For a timeout, where 0 would mean none to the bridge.
     *
     * @throws \ValueError $seconds is NaN, infinite, negative or zero
     */
    public static function positive(float $seconds, string $option): float
    {
        if (!is_finite($seconds) || $seconds <= 0) {
            throw new \ValueError("$option must be a finite number of seconds > 0, got " . self::format($seconds));
        }
        return $seconds;
    }

    /**
     * Milliseconds for the bridge, rounded up so that a tiny timeout never becomes 0 (none), and capped as
     * Deadline::rpcTimeoutMs() caps them (about 24 days: as good as none).
     */
    public static function toMs(float $seconds): int
    {
        return (int) min(ceil($seconds * 1000), 2147483647.0);
    }

    /** "1.5 s", "0.25 s": for messages. */
    public static function format(float $seconds): string
    {
        if (!is_finite($seconds)) {
            return var_export($seconds, true);
        }
        return rtrim(rtrim(sprintf('%.3F', $seconds), '0'), '.') . ' s';
    }
}
