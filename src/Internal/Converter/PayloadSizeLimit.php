<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use Psr\Log\LoggerInterface;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Exception\PayloadTooLargeException;

/**
 * Refuses payloads the server would refuse for their size, before they are sent: the server checks each
 * blob it stores (a start's input, a signal's arguments, a result...) against its blob size limit, so one
 * value over the limit, or several under it but over it together, fail there with RESOURCE_EXHAUSTED and
 * gRPC's message, naming nothing. Values over the warning size are logged (to the logger, else error_log()),
 * as the server logs them, but sent.
 *
 * @internal
 */
final class PayloadSizeLimit
{
    /**
     * @param int $bytes 0: no limit
     * @param int $warnBytes 0: no warning
     */
    public function __construct(
        private readonly int $bytes,
        private readonly int $warnBytes = 0,
        private readonly ?LoggerInterface $logger = null,
    ) {
    }

    public function withWarning(int $warnBytes, ?LoggerInterface $logger): self
    {
        return new self($this->bytes, $warnBytes, $logger);
    }

    public function withLimit(int $bytes): self
    {
        return new self($bytes, $this->warnBytes, $this->logger);
    }

    /**
     * @param list<Payload> $payloads values in order, as encoded by the codecs
     * @param string $what what they are: "argument" (named "argument #N"), "result", ...
     * @throws PayloadTooLargeException
     */
    public function check(array $payloads, string $what): void
    {
        if ($this->bytes === 0 && $this->warnBytes === 0) {
            return;
        }
        $total = 0;
        $largest = [0, 0];
        foreach ($payloads as $i => $payload) {
            $size = self::encodedSize($payload);
            if ($this->bytes > 0 && $size > $this->bytes) {
                throw PayloadTooLargeException::value(self::name($what, $i, \count($payloads)), $size, $this->bytes);
            }
            $largest = $size > $largest[1] ? [$i, $size] : $largest;
            $total += 1 + self::varintSize($size) + $size; // as a field of a Payloads message
        }
        $largestName = self::name($what, $largest[0], \count($payloads));
        if ($this->bytes > 0 && $total > $this->bytes) {
            throw PayloadTooLargeException::together("the {$what}s", $total, $this->bytes, $largestName);
        }
        if ($this->warnBytes > 0 && $total > $this->warnBytes) {
            $this->warn(\count($payloads) > 1 ? "the {$what}s together ({$largestName} the largest)" : $largestName, $total);
        }
    }

    private function warn(string $what, int $size): void
    {
        $message = \sprintf(
            'large payload: %s is %d bytes once encoded, over the %d-byte warning size (the server warns from '
            . '512 KiB and refuses from 2 MiB by default: limit.blobSize.warn and .error); it is sent',
            $what,
            $size,
            $this->warnBytes,
        );
        $this->logger === null ? error_log($message) : $this->logger->warning($message, ['bytes' => $size]);
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
