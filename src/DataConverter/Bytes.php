<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

/**
 * Raw bytes, encoded as a "binary/plain" payload. A PHP string is text and travels as "json/plain"; wrap
 * bytes in this class to send them unchanged, as Python's bytes, Go's []byte or Java's byte[] travel.
 */
final class Bytes implements \Stringable
{
    public function __construct(private string $data)
    {
    }

    public function getData(): string
    {
        return $this->data;
    }

    public function __toString(): string
    {
        return $this->data;
    }
}
