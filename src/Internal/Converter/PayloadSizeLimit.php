<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\PayloadTooLargeException;

/**
 * Refuses payloads the server would refuse for their size, before they are sent: the server checks each
 * blob it stores (a start's input, a signal's arguments, a result...) against its blob size limit, so one
 * value over the limit, or several under it but over it together, fail there with RESOURCE_EXHAUSTED and
 * gRPC's message, naming nothing.
 *
 * @internal
 */
final class PayloadSizeLimit
{
    /** @param int $bytes 0: no limit */
    public function __construct(private int $bytes)
    {
    }

    /**
     * @param list<Payload> $payloads values in order, as encoded by the codecs
     * @param string $what what they are: "argument" (named "argument #N"), "result", ...
     * @throws PayloadTooLargeException
     */
    public function check(array $payloads, string $what): void
    {
        if ($this->bytes === 0) {
            return;
        }
        $total = 0;
        $largest = [0, 0];
        foreach ($payloads as $i => $payload) {
            $size = self::encodedSize($payload);
            if ($size > $this->bytes) {
                throw PayloadTooLargeException::value(self::name($what, $i, \count($payloads)), $size, $this->bytes);
            }
            $largest = $size > $largest[1] ? [$i, $size] : $largest;
            $total += 1 + self::varintSize($size) + $size; // as a field of a Payloads message
        }
        if ($total > $this->bytes) {
            $largestName = self::name($what, $largest[0], \count($payloads));
            throw PayloadTooLargeException::together("the {$what}s", $total, $this->bytes, $largestName);
        }
    }

    /** How a value is named in errors: "argument #2" (1-based), or "result" when it is the only one. */
    public static function name(string $what, int $index, int $count): string
    {
        return $what === 'argument' || $count > 1 ? "$what #" . ($index + 1) : $what;
    }

    /** The size protobuf encodes $payload in (its metadata map and its data), without serializing it. */
    public static function encodedSize(Payload $payload): int
    {
        $size = 0;
        foreach ($payload->getMetadata() as $key => $value) {
            $entry = self::fieldSize(\strlen((string) $key)) + self::fieldSize(\strlen($value));
            $size += self::fieldSize($entry);
        }
        $data = \strlen($payload->getData());
        return $size + ($data > 0 ? self::fieldSize($data) : 0);
    }

    /** A length-delimited field: its tag (one byte for field numbers below 16), its length, its bytes. */
    private static function fieldSize(int $length): int
    {
        return 1 + self::varintSize($length) + $length;
    }

    private static function varintSize(int $value): int
    {
        return $value < 128 ? 1 : 1 + self::varintSize($value >> 7);
    }
}
