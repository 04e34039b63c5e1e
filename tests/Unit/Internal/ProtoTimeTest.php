<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use Google\Protobuf\Timestamp;
use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Internal\ProtoTime;

final class ProtoTimeTest extends TestCase
{
    public function testSecondsOfAnIntervalIncludeDaysAndMicroseconds(): void
    {
        $interval = new \DateInterval('P1DT2S');
        $interval->f = 0.5;

        $this->assertSame(86402.5, ProtoTime::seconds($interval, 'x'));
        $this->assertSame(3.0, ProtoTime::seconds(3, 'x'));
    }

    public function testANegativeIntervalIsRejected(): void
    {
        $interval = new \DateInterval('PT5S');
        $interval->invert = 1;

        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('The timeout must not be negative');
        ProtoTime::seconds($interval, 'The timeout');
    }

    public function testDurationSplitsSecondsAndNanos(): void
    {
        $duration = ProtoTime::toDuration(1.5);

        $this->assertEquals(1, $duration->getSeconds());
        $this->assertSame(500_000_000, $duration->getNanos());
    }

    public function testTimestampBecomesAUtcDateTimeWithMicroseconds(): void
    {
        $time = ProtoTime::toDateTime(new Timestamp(['seconds' => 1_700_000_000, 'nanos' => 123_456_789]));

        $this->assertSame('2023-11-14T22:13:20.123456+00:00', $time?->format('Y-m-d\TH:i:s.uP'));
    }

    public function testAnUnsetTimestampIsNull(): void
    {
        $this->assertNull(ProtoTime::toDateTime(null));
        $this->assertNull(ProtoTime::toDateTime(new Timestamp()));
    }
}
