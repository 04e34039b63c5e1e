<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\Bytes;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\PayloadCodec;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Tests\Interop\XorCodec;

/** The default converter chain and the codec chain. */
final class ChainTest extends TestCase
{
    public function testBytesTravelAsBinaryPlainAndStringsAsJsonPlain(): void
    {
        $converter = DataConverter::default();

        $bytes = $converter->toPayload(new Bytes("\x00\xff"));
        $text = $converter->toPayload("\x00a");

        $this->assertSame(['binary/plain', "\x00\xff"], [$bytes->getMetadata()['encoding'], $bytes->getData()]);
        $this->assertSame(['json/plain', '"\u0000a"'], [$text->getMetadata()['encoding'], $text->getData()]);
        $this->assertEquals(new Bytes("\x00\xff"), $converter->fromPayload($bytes));
        $this->assertSame("\x00\xff", $converter->fromPayload($bytes, 'string'));
    }

    public function testMessagesEncodeAsSortedCompactJsonProtobuf(): void
    {
        $converter = DataConverter::default();
        $message = new WorkflowExecution(['workflow_id' => 'wf/ü', 'run_id' => 'r']);

        $payload = $converter->toPayload($message);

        $this->assertSame('json/protobuf', $payload->getMetadata()['encoding']);
        $this->assertSame('temporal.api.common.v1.WorkflowExecution', $payload->getMetadata()['messageType']);
        $this->assertSame('{"runId":"r","workflowId":"wf/\u00fc"}', $payload->getData());
        $this->assertEquals($message, $converter->fromPayload($payload));
    }

    public function testBinaryProtobufDecodesByMessageType(): void
    {
        $message = new WorkflowExecution(['workflow_id' => 'w', 'run_id' => 'r']);
        $payload = new Payload([
            'metadata' => [
                'encoding' => 'binary/protobuf',
                'messageType' => 'temporal.api.common.v1.WorkflowExecution',
            ],
            'data' => $message->serializeToString(),
        ]);

        $this->assertEquals($message, DataConverter::default()->fromPayload($payload));
    }

    public function testAnUnknownMessageTypeThrows(): void
    {
        $payload = new Payload(['metadata' => ['encoding' => 'binary/protobuf', 'messageType' => 'no.such.Type']]);

        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('no PHP class for message type "no.such.Type"');
        DataConverter::default()->fromPayload($payload);
    }

    public function testCodecsWrapEveryPayloadAndUnwrapInReverseOrder(): void
    {
        $converter = DataConverter::default()->withCodecs(new XorCodec(0x01), new XorCodec(0x5a));

        $payloads = $converter->toPayloads(['a', null, 3]);

        foreach ($payloads->getPayloads() as $payload) {
            $this->assertSame('binary/xor-test', $payload->getMetadata()['encoding']);
        }
        $this->assertSame(['a', null, 3], $converter->fromPayloads($payloads));
        $this->assertSame('a', DataConverter::default()->withCodecs(new XorCodec())->fromPayload(
            DataConverter::default()->toPayload('a'),
        ), 'a payload the codec did not write passes through');
    }

    public function testACodecThatDropsPayloadsIsRejected(): void
    {
        $dropping = new class () implements PayloadCodec {
            public function encode(array $payloads): array
            {
                return [];
            }

            public function decode(array $payloads): array
            {
                return $payloads;
            }
        };

        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('1 payloads in, 0 out');
        DataConverter::default()->withCodecs($dropping)->toPayload(1);
    }
}
