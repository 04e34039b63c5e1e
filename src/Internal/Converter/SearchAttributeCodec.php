<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\SearchAttributes as SearchAttributesMessage;
use TrueAsync\Temporal\DataConverter\JsonPayloadConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeType;

/**
 * Search attributes on the wire, as every SDK writes them: a json/plain payload per value with its type as
 * "type" metadata, datetimes as RFC 3339 strings. Never through the user's codecs: the server indexes them.
 *
 * @internal
 */
final class SearchAttributeCodec
{
    public static function toMessage(SearchAttributes $attributes): SearchAttributesMessage
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
        return new SearchAttributesMessage(['indexed_fields' => $fields]);
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
