<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;

/**
 * A value, once converted and through the codecs, is larger than the data converter's payload size limit
 * (DataConverter::withPayloadSizeLimit(), by default the server's 2 MB blob limit): refused before it is
 * sent, as the server would refuse it. getValueName() says which one, e.g. "argument #2".
 */
final class PayloadTooLargeException extends TemporalException
{
    private const HINT = '; pass a reference to the data (a URL, a key) instead';

    private function __construct(
        string $message,
        private readonly string $valueName,
        private readonly int $size,
        private readonly int $limit,
    ) {
        parent::__construct($message);
    }

    /** One value over the limit. */
    public static function value(string $valueName, int $size, int $limit): self
    {
        $message = ucfirst($valueName) . " is $size bytes encoded, over the payload size limit of $limit bytes";
        return new self($message . self::HINT, $valueName, $size, $limit);
    }

    /** Values each under the limit but over it together (the server limits them together). */
    public static function together(string $valueNames, int $size, int $limit, string $largest): self
    {
        $message = ucfirst($valueNames) . " are $size bytes encoded together, over the payload size limit of"
            . " $limit bytes (the largest is $largest)";
        return new self($message . self::HINT, $largest, $size, $limit);
    }

    /** Which value: "argument #2", "result", ...; for values too large together, the largest of them. */
    public function getValueName(): string
    {
        return $this->valueName;
    }

    /** The encoded size, in bytes (of all the values, when they are too large together). */
    public function getSize(): int
    {
        return $this->size;
    }

    public function getLimit(): int
    {
        return $this->limit;
    }

}
