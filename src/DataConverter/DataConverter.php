<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Exception\DataConverterException;

/**
 * Turns workflow arguments, results, signal, query and update values, memo values and failure details into
 * payloads and back: an ordered list of PayloadConverters, then PayloadCodecs (encryption, compression) over
 * every payload that leaves the process, undone over every payload that enters it; and exceptions into
 * failures and back (its FailureConverter). Immutable.
 */
final class DataConverter
{
    /** @var list<PayloadConverter> */
    private array $converters;
    /** @var array<string, PayloadConverter> encoding => converter */
    private array $byEncoding = [];
    /** @var list<PayloadCodec> */
    private array $codecs = [];
    private FailureConverter $failureConverter;

    public function __construct(PayloadConverter ...$converters)
    {
        $this->converters = array_values($converters);
        foreach ($this->converters as $converter) {
            $this->byEncoding[$converter->getEncoding()] ??= $converter;
        }
        $this->failureConverter = new DefaultFailureConverter();
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

    /** @throws DataConverterException no converter accepts $value, the one that does fails, or a codec fails */
    public function toPayload(mixed $value): Payload
    {
        return $this->encode([$this->convert($value)])[0];
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
     * @throws DataConverterException a value cannot be encoded
     */
    public function toPayloads(array $values): Payloads
    {
        $payloads = array_map($this->convert(...), array_values($values));
        return new Payloads(['payloads' => $this->encode($payloads)]);
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
