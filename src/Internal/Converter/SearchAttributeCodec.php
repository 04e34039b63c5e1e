<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\SearchAttributes as SearchAttributesMessage;
use TrueAsync\Temporal\DataConverter\JsonPayloadConverter;
use TrueAsync\Temporal\DataConverter\NullPayloadConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeType;

/**
 * Search attributes on the wire, as every SDK writes them: a json/plain payload per value with its type as
 * "type" metadata, datetimes as RFC 3339 strings; in an upsert, a removal is an empty binary/null payload
 * without "type" metadata, as the Go and Python SDKs write it (the server removes a key whose value is null;
 * the Python SDK notes the null must not carry a type). Never through the user's codecs: the server indexes
 * them.
 *
 * @internal
 */
final class SearchAttributeCodec
{
    /** The values only: what a start (or a schedule's action) carries. */
    public static function toMessage(SearchAttributes $attributes): SearchAttributesMessage
    {
        return new SearchAttributesMessage(['indexed_fields' => self::valueFields($attributes)]);
    }

    /** The values and the removals: what a workflow's upsert command carries. */
    public static function toUpsertMessage(SearchAttributes $attributes): SearchAttributesMessage
    {
        $fields = self::valueFields($attributes);
        foreach ($attributes->getRemovedKeys() as $key) {
            $fields[$key->getName()] = new Payload(['metadata' => ['encoding' => NullPayloadConverter::ENCODING]]);
        }
        return new SearchAttributesMessage(['indexed_fields' => $fields]);
    }

    /** @return array<string, Payload> name => payload */
    private static function valueFields(SearchAttributes $attributes): array
    {
        $json = new JsonPayloadConverter();
        $fields = [];
        foreach ($attributes->getKeys() as $key) {
            $value = $attributes->get($key);
            if ($value instanceof \DateTimeInterface) {
                $value = $value->format('Y-m-d\TH:i:s.uP');
            }
            $payload = $json->toPayload($value);
            $payload->setMetadata(['encoding' => JsonPayloadConverter::ENCODING, 'type' => $key->getType()->value]);
            $fields[$key->getName()] = $payload;
        }
        return $fields;
    }

    /**
     * Values without a known "type" metadata are skipped, as other SDKs do.
     *
     * @throws DataConverterException a value does not decode
     */
    public static function fromMessage(?SearchAttributesMessage $message): SearchAttributes
    {
        $attributes = SearchAttributes::empty();
        foreach ($message?->getIndexedFields() ?? [] as $name => $payload) {
            $type = SearchAttributeType::tryFrom($payload->getMetadata()['type'] ?? '');
            if ($type !== null) {
                $value = self::value($payload, $type);
                if ($value !== null) {
                    $attributes = $attributes->withValue(SearchAttributeKey::for((string) $name, $type), $value);
                }
            }
        }
        return $attributes;
    }

    private static function value(Payload $payload, SearchAttributeType $type): mixed
    {
        $value = (new JsonPayloadConverter())->fromPayload($payload);
        if ($type !== SearchAttributeType::KeywordList && \is_array($value)) {
            $value = \count($value) === 1 ? $value[0] : null; // the server may wrap one value in a list
        }
        if ($type === SearchAttributeType::Datetime && \is_string($value)) {
            return (new ValueMapper(JsonPayloadConverter::ENCODING))->map($value, \DateTimeImmutable::class);
        }
        return $type->accepts($value) ? $value : null;
    }
}
