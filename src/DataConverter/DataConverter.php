<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\PayloadTooLargeException;
use TrueAsync\Temporal\Internal\Converter\PayloadSizeLimit;

/**
 * Turns workflow arguments, results, signal, query and update values, memo values and failure details into
 * payloads and back: an ordered list of PayloadConverters, then PayloadCodecs (encryption, compression) over
 * every payload that leaves the process, undone over every payload that enters it; and exceptions into
 * failures and back (its FailureConverter). Immutable.
 */
final class DataConverter
{
    /**
     * The default of withPayloadSizeLimit(): the server's default blob size limit (its dynamic config
     * limit.blobSize.error), 2 MB per value or per set of values sent together. The server logs a warning
     * from 512 KB (limit.blobSize.warn).
     */
    public const DEFAULT_PAYLOAD_SIZE_LIMIT = 2 * 1024 * 1024;

    /** The default of withPayloadSizeWarning(): the server's limit.blobSize.warn, 512 KB. */
    public const DEFAULT_PAYLOAD_SIZE_WARNING = 512 * 1024;

    /** @var list<PayloadConverter> */
    private array $converters;
    /** @var array<string, PayloadConverter> encoding => converter */
    private array $byEncoding = [];
    /** @var list<PayloadCodec> */
    private array $codecs = [];
    private FailureConverter $failureConverter;
    private PayloadSizeLimit $sizeLimit;

    public function __construct(PayloadConverter ...$converters)
    {
        $this->converters = array_values($converters);
        foreach ($this->converters as $converter) {
            $this->byEncoding[$converter->getEncoding()] ??= $converter;
        }
        $this->failureConverter = new DefaultFailureConverter();
        $this->sizeLimit = new PayloadSizeLimit(self::DEFAULT_PAYLOAD_SIZE_LIMIT, self::DEFAULT_PAYLOAD_SIZE_WARNING);
    }

    /**
     * The chain every Temporal SDK uses, in its order: binary/null (null), binary/plain (Bytes),
     * json/protobuf (protobuf messages), binary/protobuf (decoding only, as messages encode as json/protobuf
     * first) and json/plain (everything else).
     */
    public static function default(): self
    {
        return new self(
            new NullPayloadConverter(),
            new BinaryPayloadConverter(),
            new ProtoJsonPayloadConverter(),
            new ProtoPayloadConverter(),
            new JsonPayloadConverter(),
        );
    }

    /** A copy that runs payloads through $codecs: in this order to encode, in reverse order to decode. */
    public function withCodecs(PayloadCodec ...$codecs): self
    {
        $copy = clone $this;
        $copy->codecs = array_values($codecs);
        return $copy;
    }

    /** @return list<PayloadCodec> */
    public function getCodecs(): array
    {
        return $this->codecs;
    }

    /** A copy that converts failures with $failureConverter (default: DefaultFailureConverter). */
    public function withFailureConverter(FailureConverter $failureConverter): self
    {
        $copy = clone $this;
        $copy->failureConverter = $failureConverter;
        return $copy;
    }

    public function getFailureConverter(): FailureConverter
    {
        return $this->failureConverter;
    }

    /**
     * A copy that refuses, with a PayloadTooLargeException before sending, values larger than $bytes once
     * encoded (after the codecs), alone or together with the values sent with them. Raise it only for a
     * server whose limit.blobSize.error is raised too; 0 turns the check off.
     *
     * @throws \ValueError $bytes is negative
     */
    public function withPayloadSizeLimit(int $bytes): self
    {
        if ($bytes < 0) {
            throw new \ValueError('DataConverter::withPayloadSizeLimit(): $bytes must not be negative');
        }
        $copy = clone $this;
        $copy->sizeLimit = $this->sizeLimit->withLimit($bytes);
        return $copy;
    }

    /**
     * A copy that logs a warning (to $logger, else error_log()) for values larger than $bytes once encoded,
     * alone or together, and still sends them: they are heavy on history and on every replay. 0 turns it off.
     *
     * @throws \ValueError $bytes is negative
     */
    public function withPayloadSizeWarning(int $bytes, ?\Psr\Log\LoggerInterface $logger = null): self
    {
        if ($bytes < 0) {
            throw new \ValueError('DataConverter::withPayloadSizeWarning(): $bytes must not be negative');
        }
        $copy = clone $this;
        $copy->sizeLimit = $this->sizeLimit->withWarning($bytes, $logger);
        return $copy;
    }

    /**
     * @param string $what names the value in errors
     * @throws DataConverterException no converter accepts $value, the one that does fails, or a codec fails
     * @throws PayloadTooLargeException the encoded value is over the payload size limit
     */
    public function toPayload(mixed $value, string $what = 'value'): Payload
    {
        return $this->toPayloads([$value], $what)->getPayloads()[0];
    }

    /**
     * @param ?string $type the PHP type wanted (see PayloadConverter::fromPayload()); null: the natural value
     * @throws DataConverterException a codec fails, the encoding is unknown, or the data is invalid or not of $type
     */
    public function fromPayload(Payload $payload, ?string $type = null): mixed
    {
        return $this->convertBack($this->decode([$payload])[0], $type);
    }

    /**
     * @param array<mixed> $values encoded in order; keys are ignored
     * @param string $what what the values are, to name one in errors: "argument" ("argument #2"), "result"...
     * @throws DataConverterException a value cannot be encoded (the message names it), or a codec fails
     * @throws PayloadTooLargeException an encoded value, or all of them together, is over the size limit
     */
    public function toPayloads(array $values, string $what = 'argument'): Payloads
    {
        $values = array_values($values);
        $payloads = [];
        foreach ($values as $i => $value) {
            try {
                $payloads[] = $this->convert($value);
            } catch (DataConverterException $e) {
                throw DataConverterException::inValue(PayloadSizeLimit::name($what, $i, \count($values)), $e);
            }
        }
        $payloads = $this->encode($payloads);
        $this->sizeLimit->check($payloads, $what);
        return new Payloads(['payloads' => $payloads]);
    }

    /**
     * @param array<int, ?string> $types the PHP type wanted for the value at each position (none: natural)
     * @return list<mixed> the decoded values; [] for null
     * @throws DataConverterException a payload cannot be decoded
     */
    public function fromPayloads(?Payloads $payloads, array $types = []): array
    {
        $values = [];
        foreach ($this->decode(iterator_to_array($payloads?->getPayloads() ?? [], false)) as $i => $payload) {
            $values[] = $this->convertBack($payload, $types[$i] ?? null);
        }
        return $values;
    }

    /**
     * Runs converted payloads through the codecs, as before they leave the process.
     *
     * @param list<Payload> $payloads
     * @return list<Payload>
     * @throws DataConverterException a codec fails
     */
    public function encode(array $payloads): array
    {
        foreach ($this->codecs as $codec) {
            $payloads = self::checked($codec, $payloads, $codec->encode($payloads));
        }
        return $payloads;
    }

    /**
     * Undoes the codecs on payloads that entered the process, last codec first.
     *
     * @param list<Payload> $payloads
     * @return list<Payload>
     * @throws DataConverterException a codec fails
     */
    public function decode(array $payloads): array
    {
        foreach (array_reverse($this->codecs) as $codec) {
            $payloads = self::checked($codec, $payloads, $codec->decode($payloads));
        }
        return $payloads;
    }

    /** @throws DataConverterException no converter accepts $value, or the one that does fails */
    public function convert(mixed $value): Payload
    {
        foreach ($this->converters as $converter) {
            $payload = $converter->toPayload($value);
            if ($payload !== null) {
                return $payload;
            }
        }
        throw DataConverterException::noConverterFor(get_debug_type($value));
    }

    /** @throws DataConverterException the payload's encoding is unknown or its data is invalid */
    public function convertBack(Payload $payload, ?string $type = null): mixed
    {
        $encoding = $payload->getMetadata()['encoding'] ?? '';
        $converter = $this->byEncoding[$encoding] ?? null;
        if ($converter === null) {
            throw DataConverterException::unknownEncoding($encoding, array_keys($this->byEncoding));
        }
        return $converter->fromPayload($payload, $type);
    }

    private static function checked(PayloadCodec $codec, array $in, array $out): array
    {
        if (\count($out) !== \count($in)) {
            $why = \count($in) . ' payloads in, ' . \count($out) . ' out';
            throw DataConverterException::codecBroke($codec::class, $why);
        }
        return array_values($out);
    }
}
