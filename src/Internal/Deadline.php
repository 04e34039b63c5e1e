<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * A point in monotonic time after which a wait gives up, or none.
 *
 * @internal
 */
final class Deadline
{
    private function __construct(private ?float $seconds, private ?int $endsAtNs)
    {
    }

    /**
     * @param ?float $seconds null: never
     * @param string $option names the timeout in the error message
     * @throws \ValueError $seconds is NaN, infinite, negative or over ProtoTime::MAX_SECONDS
     */
    public static function in(?float $seconds, string $option = 'The timeout'): self
    {
        if ($seconds === null) {
            return new self(null, null);
        }
        $seconds = ProtoTime::seconds($seconds, $option);
        $now = hrtime(true);
        return new self($seconds, (int) min($now + $seconds * 1e9, (float) PHP_INT_MAX));
    }

    /** The timeout this deadline was made from, or null for none. */
    public function getSeconds(): ?float
    {
        return $this->seconds;
    }

    public function isExpired(): bool
    {
        return $this->endsAtNs !== null && hrtime(true) >= $this->endsAtNs;
    }

    /** The time left as an RPC timeout: 0 (none) without a deadline, else at least 1 ms. */
    public function rpcTimeoutMs(): int
    {
        if ($this->endsAtNs === null) {
            return 0;
        }
        $ms = (int) ceil(($this->endsAtNs - hrtime(true)) / 1e6);
        return min(max($ms, 1), 2147483647);
    }
}
