<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Interop;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\DataConverter\PayloadCodec;

/**
 * The deterministic test codec both the PHP and the Python payload vectors use: the whole encoded payload,
 * each byte XORed with a key byte, in a payload with encoding "binary/xor-test" (as encryption codecs wrap).
 */
final class XorCodec implements PayloadCodec
{
    public const ENCODING = 'binary/xor-test';

    public function __construct(private int $key = 0x5a)
    {
    }

    public function encode(array $payloads): array
    {
        return array_map(fn (Payload $p): Payload => new Payload([
            'metadata' => ['encoding' => self::ENCODING],
            'data' => $this->xor($p->serializeToString()),
        ]), $payloads);
    }

    public function decode(array $payloads): array
    {
        return array_map(function (Payload $p): Payload {
            if (($p->getMetadata()['encoding'] ?? '') !== self::ENCODING) {
                return $p;
            }
            $inner = new Payload();
            $inner->mergeFromString($this->xor($p->getData()));
            return $inner;
        }, $payloads);
    }

    private function xor(string $bytes): string
    {
        return $bytes ^ str_repeat(\chr($this->key), \strlen($bytes));
    }
}
