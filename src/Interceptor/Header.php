<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Utf8;

/**
 * Temporal's header: named values carried beside a call's arguments — from a client to the workflow, and from
 * a workflow to its activities and child workflows — for context such as a tenant, an auth token or a trace
 * id. Interceptors read it from their input and pass a changed copy on. Immutable. Values are encoded with
 * the data converter and its codecs, like arguments, and decoded the same way.
 */
final class Header implements \Countable
{
    /** @param array<string, Payload> $payloads name => encoded value, as on the wire */
    private function __construct(private readonly array $payloads, private readonly DataConverter $converter)
    {
    }

    /** @internal an empty header whose values $converter encodes */
    public static function empty(DataConverter $converter): self
    {
        return new self([], $converter);
    }

    /**
     * @internal the header of a message (its map of payloads)
     * @param iterable<string, Payload> $fields
     */
    public static function fromMessage(iterable $fields, DataConverter $converter): self
    {
        $payloads = [];
        foreach ($fields as $name => $payload) {
            $payloads[(string) $name] = $payload;
        }
        return new self($payloads, $converter);
    }

    /**
     * The value of $name decoded as $type; null when there is none.
     *
     * @param ?string $type the PHP type wanted ("string", "int", a class...); null: the payload's natural value
     * @throws DataConverterException the value cannot be decoded as $type
     */
    public function getValue(string $name, ?string $type = null): mixed
    {
        $payload = $this->payloads[$name] ?? null;
        return $payload === null ? null : $this->converter->fromPayload($payload, $type);
    }

    public function hasValue(string $name): bool
    {
        return isset($this->payloads[$name]);
    }

    /** @return list<string> the names of the values, in the order they were set */
    public function getNames(): array
    {
        return array_map(strval(...), array_keys($this->payloads));
    }

    /**
     * A copy with $name set to $value (replacing any value of that name).
     *
     * @throws \ValueError $name is empty or not valid UTF-8
     * @throws DataConverterException $value cannot be encoded
     */
    public function withValue(string $name, mixed $value): self
    {
        if ($name === '') {
            throw new \ValueError('Header::withValue(): the name must not be empty');
        }
        Utf8::check($name, 'Header::withValue(): the name');
        $payloads = $this->payloads;
        $payloads[$name] = $this->converter->toPayload($value, "header \"$name\"");
        return new self($payloads, $this->converter);
    }

    /** A copy without $name. */
    public function withoutValue(string $name): self
    {
        $payloads = $this->payloads;
        unset($payloads[$name]);
        return new self($payloads, $this->converter);
    }

    public function count(): int
    {
        return \count($this->payloads);
    }

    /**
     * @internal the encoded values, for a message's header field
     * @return array<string, Payload>
     */
    public function toMessage(): array
    {
        return $this->payloads;
    }
}
