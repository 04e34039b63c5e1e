<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * RPC timeouts in seconds: checked (ProtoTime::seconds() is the one check of every duration, NaN and
 * infinity included), turned into the bridge's milliseconds and formatted for messages.
 *
 * @internal
 */
final class Seconds
{
    /**
     * For a timeout, where 0 would mean none to the bridge: ProtoTime::seconds()'s checks, and more than 0.
     *
     * @param string $option how the caller names the value, e.g. "ConnectionOptions::withRpcTimeout()"
     * @throws \ValueError $seconds is NaN, infinite, negative or zero
     */
    public static function positive(float $seconds, string $option): float
    {
        if (ProtoTime::seconds($seconds, $option) === 0.0) {
            throw new \ValueError("$option: the timeout must be more than 0 s (0 would mean none)");
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
