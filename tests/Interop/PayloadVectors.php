<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Interop;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\Bytes;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\ProtoPayloadConverter;

/**
 * The PHP side of tests/Interop/python/payload_vectors.py: the same cases, their PHP values, the PHP type to
 * decode each into and the converter that writes each, and the vector file format.
 */
final class PayloadVectors
{
    public const SCRIPT = __DIR__ . '/python/payload_vectors.py';

    /** @return array<string, array{mixed, ?string, \Closure(mixed): Payload}> name => [value, type, encoder] */
    public static function cases(): array
    {
        $default = DataConverter::default();
        $json = fn (mixed $value): Payload => $default->toPayload($value);
        $execution = new WorkflowExecution(['workflow_id' => 'wf-ü/1', 'run_id' => 'run-1']);
        return [
            'null' => [null, null, $json],
            'bytes' => [new Bytes("\x00\x01\x7f\x80\xfe\xff"), Bytes::class, $json],
            'string_non_ascii' => ['héllo wörld ✓ 😀 "q" a/b', 'string', $json],
            'int64_max' => [PHP_INT_MAX, 'int', $json],
            'int64_min' => [PHP_INT_MIN, 'int', $json],
            'float' => [-1234.5625, 'float', $json],
            'bool' => [true, 'bool', $json],
            'empty_list' => [[], 'array', $json],
            'empty_map' => [new \stdClass(), 'object', $json],
            'nested_object' => [self::nestedObject(), 'array', $json],
            'proto_json' => [$execution, WorkflowExecution::class, $json],
            'proto_binary' => [$execution, null, fn ($v) => (new ProtoPayloadConverter())->toPayload($v)],
            'codec' => ['secret ✓', 'string', fn ($v) => self::withCodec()->toPayload($v)],
        ];
    }

    public static function withCodec(): DataConverter
    {
        return DataConverter::default()->withCodecs(new XorCodec());
    }

    /** @param array<string, Payload> $payloads name => payload */
    public static function write(string $path, array $payloads): void
    {
        $vectors = [];
        foreach ($payloads as $name => $payload) {
            $vectors[] = ['name' => $name, 'payload' => self::payloadToJson($payload)];
        }
        file_put_contents($path, json_encode(['vectors' => $vectors], JSON_PRETTY_PRINT | JSON_THROW_ON_ERROR));
    }

    /** @return array<string, Payload> name => payload */
    public static function read(string $path): array
    {
        $document = json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
        $payloads = [];
        foreach ($document['vectors'] as $vector) {
            $payload = new Payload(['data' => base64_decode($vector['payload']['data'], true)]);
            $payload->setMetadata(array_map(fn ($v) => base64_decode($v, true), $vector['payload']['metadata']));
            $payloads[$vector['name']] = $payload;
        }
        return $payloads;
    }

    /** @return array{metadata: array<string, string>, data: string} */
    public static function payloadToJson(Payload $payload): array
    {
        $metadata = [];
        foreach ($payload->getMetadata() as $key => $value) {
            $metadata[$key] = base64_encode($value);
        }
        ksort($metadata);
        return ['metadata' => $metadata, 'data' => base64_encode($payload->getData())];
    }

    /** Keys in sorted order: Python's json/plain writer sorts them, so its re-encoding matches only then. */
    private static function nestedObject(): array
    {
        return [
            'id' => 'o-1',
            'items' => [['qty' => 2, 'sku' => 'a'], ['qty' => 1, 'sku' => 'b']],
            'meta' => ['gift' => false, 'note' => null],
        ];
    }
}
