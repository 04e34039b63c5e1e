<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\DataConverter\Bytes;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\PayloadTooLargeException;
use TrueAsync\Temporal\Internal\Converter\PayloadSizeLimit;

final class PayloadSizeLimitTest extends TestCase
{
    private const MB = 1024 * 1024;

    public function testTheDefaultIsTheServersBlobLimit(): void
    {
        $this->assertSame(2 * self::MB, DataConverter::DEFAULT_PAYLOAD_SIZE_LIMIT);
    }

    public function testAnArgumentOverTheLimitIsRefusedByName(): void
    {
        try {
            DataConverter::default()->toPayloads(['small', str_repeat('x', 3 * self::MB)]);
            $this->fail('a 3 MB argument passed');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame('argument #2', $e->getValueName());
            $this->assertSame(2 * self::MB, $e->getLimit());
            $this->assertGreaterThan(3 * self::MB, $e->getSize());
            $this->assertStringStartsWith('Argument #2 is ' . $e->getSize() . ' bytes encoded, over the payload size limit of 2097152 bytes', $e->getMessage());
        }
    }

    public function testArgumentsUnderTheLimitEachButOverItTogetherAreRefused(): void
    {
        try {
            DataConverter::default()->toPayloads([str_repeat('a', self::MB), str_repeat('b', (int) (1.5 * self::MB))]);
            $this->fail('2.5 MB of arguments passed');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame('argument #2', $e->getValueName(), 'the largest');
            $this->assertStringStartsWith('The arguments are ', $e->getMessage());
            $this->assertStringContainsString('(the largest is argument #2)', $e->getMessage());
        }
    }

    /** @dataProvider names */
    public function testValuesAreNamedAfterWhatTheyAre(string $what, int $count, string $name): void
    {
        $values = array_fill(0, $count, new Bytes(str_repeat('z', 100)));
        try {
            DataConverter::default()->withPayloadSizeLimit(50)->toPayloads($values, $what);
            $this->fail('over the limit');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame($name, $e->getValueName());
        }
    }

    public static function names(): array
    {
        return [
            'an argument' => ['argument', 1, 'argument #1'],
            'a result' => ['result', 1, 'result'],
            'heartbeat details' => ['heartbeat detail', 3, 'heartbeat detail #1'],
        ];
    }

    public function testValuesOverTheWarningSizeAreLoggedAndStillEncoded(): void
    {
        $records = [];
        $logger = new class ($records) extends \Psr\Log\AbstractLogger {
            public function __construct(private array &$records)
            {
            }

            public function log($level, $message, array $context = []): void
            {
                $this->records[] = [$level, (string) $message];
            }
        };
        $converter = DataConverter::default()->withPayloadSizeWarning(1000, $logger);
        $this->assertCount(2, $converter->toPayloads(['small', str_repeat('x', 2000)])->getPayloads());
        $converter->toPayload(str_repeat('y', 1500), 'result');
        $converter->toPayload(str_repeat('z', 900), 'result');
        $converter->withPayloadSizeWarning(0, $logger)->toPayload(str_repeat('z', 5000), 'result');
        $this->assertSame(['warning', 'warning'], array_column($records, 0));
        $this->assertStringStartsWith('large payload: the arguments together (argument #2 the largest) is 20', $records[0][1]);
        $this->assertStringStartsWith('large payload: result is 15', $records[1][1]);
        $this->assertStringContainsString('over the 1000-byte warning size', $records[1][1]);
    }

    public function testTheLimitIsAnOptionAndZeroTurnsItOff(): void
    {
        $big = [str_repeat('x', 3 * self::MB)];
        $quiet = DataConverter::default()->withPayloadSizeWarning(0);
        $this->assertCount(1, $quiet->withPayloadSizeLimit(0)->toPayloads($big)->getPayloads());
        $this->assertCount(1, $quiet->withPayloadSizeLimit(4 * self::MB)->toPayloads($big)->getPayloads());
        $this->expectException(PayloadTooLargeException::class);
        DataConverter::default()->withPayloadSizeLimit(1000)->toPayload(str_repeat('x', 1000));
    }

    public function testANegativeLimitIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('DataConverter::withPayloadSizeLimit(): $bytes must not be negative');
        DataConverter::default()->withPayloadSizeLimit(-1);
    }

    /** @dataProvider payloads */
    public function testTheSizeIsWhatProtobufEncodes(Payload $payload): void
    {
        $this->assertSame(\strlen($payload->serializeToString()), PayloadSizeLimit::encodedSize($payload));
    }

    public static function payloads(): array
    {
        $json = ['encoding' => 'json/plain'];
        return [
            'empty data' => [new Payload(['metadata' => ['encoding' => 'binary/null']])],
            'small' => [new Payload(['metadata' => $json, 'data' => '"x"'])],
            '200 bytes' => [new Payload(['metadata' => $json + ['type' => 'Keyword'], 'data' => str_repeat('y', 200)])],
            '70 KB' => [new Payload(['metadata' => $json, 'data' => str_repeat('y', 70_000)])],
            '3 MB' => [new Payload(['metadata' => $json, 'data' => str_repeat('y', 3 * self::MB)])],
        ];
    }

    public function testTogetherTheSizeIsWhatProtobufEncodesForTheList(): void
    {
        $converter = DataConverter::default();
        $payloads = $converter->toPayloads([str_repeat('a', 300), 'b', [1, 2]]);
        $limit = \strlen($payloads->serializeToString());
        $this->assertCount(3, $converter->withPayloadSizeLimit($limit)->toPayloads([str_repeat('a', 300), 'b', [1, 2]])->getPayloads());
        $this->expectException(PayloadTooLargeException::class);
        $converter->withPayloadSizeLimit($limit - 1)->toPayloads([str_repeat('a', 300), 'b', [1, 2]]);
    }
}
