<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures\Customer;
use TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures\Order;
use TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures\OrderStatus;

final class TypedDecodingTest extends TestCase
{
    public function testScalarsDecodeIntoTheAskedType(): void
    {
        $converter = DataConverter::default();

        $this->assertSame(3, $converter->fromPayload($converter->toPayload(3.0), 'int'));
        $this->assertSame(3.0, $converter->fromPayload($converter->toPayload(3), 'float'));
        $this->assertSame('x', $converter->fromPayload($converter->toPayload('x'), '?string'));
        $this->assertNull($converter->fromPayload($converter->toPayload(null), '?string'));
        $this->assertTrue($converter->fromPayload($converter->toPayload(true), 'bool'));
    }

    public function testAValueOfAnotherTypeThrows(): void
    {
        $converter = DataConverter::default();

        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('Cannot decode a json/plain payload as int: it holds string');
        $converter->fromPayload($converter->toPayload('7'), 'int');
    }

    public function testObjectsAreBuiltThroughTheirConstructorsWithNestedTypes(): void
    {
        $converter = DataConverter::default();
        $order = new Order('o-1', OrderStatus::Shipped, new Customer('Zoë', 41), ['a', 'b'], 9.5);

        $payload = $converter->toPayload($order);
        $decoded = $converter->fromPayload($payload, Order::class);

        $this->assertSame(
            '{"id":"o-1","status":"shipped","customer":{"name":"Zo\u00eb","age":41},"tags":["a","b"],"total":9.5}',
            $payload->getData(),
        );
        $this->assertEquals($order, $decoded);
    }

    public function testMissingOptionalPropertiesTakeTheirDefaults(): void
    {
        $converter = DataConverter::default();

        $order = $converter->fromPayload($converter->toPayload(['id' => 'o-2', 'status' => 'open']), Order::class);

        $this->assertEquals(new Order('o-2', OrderStatus::Open, null), $order);
    }

    public function testListsOfObjectsAndEnums(): void
    {
        $converter = DataConverter::default();
        $payload = $converter->toPayload([['name' => 'a', 'age' => 1], ['name' => 'b', 'age' => 2]]);

        $customers = $converter->fromPayload($payload, Customer::class . '[]');
        $statuses = $converter->fromPayload($converter->toPayload(['open']), OrderStatus::class . '[]');

        $this->assertEquals([new Customer('a', 1), new Customer('b', 2)], $customers);
        $this->assertSame([OrderStatus::Open], $statuses);
    }

    public function testUnionTypesTakeTheFirstAlternativeTheValueFits(): void
    {
        $converter = DataConverter::default();

        $this->assertSame('7', $converter->fromPayload($converter->toPayload('7'), 'int|string'));
        $this->assertSame(7, $converter->fromPayload($converter->toPayload(7), 'int|string'));
        $this->assertNull($converter->fromPayload($converter->toPayload(null), 'int|null'));
        $status = $converter->fromPayload($converter->toPayload('open'), OrderStatus::class . '|string');
        $this->assertSame(OrderStatus::Open, $status);
    }

    public function testAnUnknownEnumValueThrows(): void
    {
        $converter = DataConverter::default();

        $this->expectException(DataConverterException::class);
        $converter->fromPayload($converter->toPayload('lost'), OrderStatus::class);
    }

    public function testAnEmptyJsonObjectDecodesAsStdClassWhenAnObjectIsAsked(): void
    {
        $converter = DataConverter::default();
        $payload = $converter->toPayload(new \stdClass());

        $this->assertSame('{}', $payload->getData());
        $this->assertEquals(new \stdClass(), $converter->fromPayload($payload, 'object'));
        $this->assertSame([], $converter->fromPayload($payload));
    }

    public function testDateTimesDecodeFromTheirJsonString(): void
    {
        $converter = DataConverter::default();
        $payload = $converter->toPayload('2026-01-02T03:04:05+00:00');

        $decoded = $converter->fromPayload($payload, \DateTimeImmutable::class);

        $this->assertSame('2026-01-02T03:04:05+00:00', $decoded->format(\DATE_ATOM));
    }

    public function testAProtobufMessageDecodesFromJsonPlainWhenItIsAsked(): void
    {
        $converter = DataConverter::default();
        $payload = $converter->toPayload(['workflowId' => 'w', 'runId' => 'r']);

        $decoded = $converter->fromPayload($payload, WorkflowExecution::class);

        $this->assertSame('w', $decoded->getWorkflowId());
        $this->assertSame('r', $decoded->getRunId());
    }
}
