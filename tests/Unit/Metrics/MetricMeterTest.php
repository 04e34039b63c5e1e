<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Metrics;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Metrics\MetricMeter;

/** Without an exporter (this process configures none) instruments record nothing but check all they are given. */
final class MetricMeterTest extends TestCase
{
    public function testInstrumentsTakeValidRecords(): void
    {
        $meter = MetricMeter::create(['service' => 'billing'])->withAttributes(['region' => 'eu', 'shard' => 3]);
        $meter->createCounter('orders_total', 'orders placed')->add(2, ['paid' => true]);
        $meter->createHistogram('order_value', unit: 'EUR')->withAttributes(['vat' => 0.2])->record(19.5);
        $meter->createGauge('queue_length')->set(-3);
        $this->addToAssertionCount(1);
    }

    public function testARecordSkippedByTheRecordingGateIsStillChecked(): void
    {
        $counter = MetricMeter::create([], static fn (): bool => false)->createCounter('skipped');
        $counter->add(1);
        $this->expectException(\ValueError::class);
        $counter->add(1, ['bad name' => 'x']);
    }

    /** @return iterable<string, array{\Closure, string}> */
    public static function badRecords(): iterable
    {
        $meter = MetricMeter::create();
        yield 'metric name' => [fn () => $meter->createCounter('orders-total'), 'is not a metric name'];
        yield 'negative count' => [fn () => $meter->createCounter('c')->add(-1), 'only goes up'];
        yield 'label name' => [fn () => $meter->withAttributes(['0' => 'x']), 'is not a label name'];
        yield 'label value' => [fn () => $meter->createGauge('g')->set(1, ['list' => [1]]), 'must be a string'];
        yield 'infinite label' => [fn () => $meter->withAttributes(['x' => INF]), 'must be a string'];
        yield 'NaN' => [fn () => $meter->createHistogram('h')->record(NAN), 'must be finite'];
    }

    /** @dataProvider badRecords */
    public function testABadRecordIsAValueErrorNamingWhatIsWrong(\Closure $record, string $message): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage($message);
        $record();
    }
}
