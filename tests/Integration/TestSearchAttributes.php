<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration;

use TrueAsync\Temporal\Api\Enums\V1\IndexedValueType;
use TrueAsync\Temporal\Api\Operatorservice\V1\AddSearchAttributesRequest;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;

/** The custom search attributes the integration tests use, registered on the test server once per run. */
final class TestSearchAttributes
{
    private static bool $registered = false;

    public static function keyword(): SearchAttributeKey
    {
        return SearchAttributeKey::forKeyword('PhpKeyword');
    }

    public static function text(): SearchAttributeKey
    {
        return SearchAttributeKey::forText('PhpText');
    }

    public static function int(): SearchAttributeKey
    {
        return SearchAttributeKey::forInt('PhpInt');
    }

    public static function double(): SearchAttributeKey
    {
        return SearchAttributeKey::forDouble('PhpDouble');
    }

    public static function bool(): SearchAttributeKey
    {
        return SearchAttributeKey::forBool('PhpBool');
    }

    public static function datetime(): SearchAttributeKey
    {
        return SearchAttributeKey::forDatetime('PhpDatetime');
    }

    public static function keywordList(): SearchAttributeKey
    {
        return SearchAttributeKey::forKeywordList('PhpKeywordList');
    }

    /** Registers the attributes on the "default" namespace; an attribute that exists already is fine. */
    public static function register(string $address): void
    {
        if (self::$registered) {
            return;
        }
        $request = new AddSearchAttributesRequest(['namespace' => 'default', 'search_attributes' => [
            'PhpKeyword' => IndexedValueType::INDEXED_VALUE_TYPE_KEYWORD,
            'PhpText' => IndexedValueType::INDEXED_VALUE_TYPE_TEXT,
            'PhpInt' => IndexedValueType::INDEXED_VALUE_TYPE_INT,
            'PhpDouble' => IndexedValueType::INDEXED_VALUE_TYPE_DOUBLE,
            'PhpBool' => IndexedValueType::INDEXED_VALUE_TYPE_BOOL,
            'PhpDatetime' => IndexedValueType::INDEXED_VALUE_TYPE_DATETIME,
            'PhpKeywordList' => IndexedValueType::INDEXED_VALUE_TYPE_KEYWORD_LIST,
        ]]);
        $connection = Core\Connection::connect(ConnectionOptions::new($address)->toJson());
        try {
            $connection->rpcCall('OperatorService', 'AddSearchAttributes', $request->serializeToString(), 10_000);
        } catch (Core\ServiceException $e) {
            if ($e->getCode() !== 6) { // ALREADY_EXISTS: registered by an earlier run on this server
                throw $e;
            }
        }
        self::$registered = true;
    }
}
