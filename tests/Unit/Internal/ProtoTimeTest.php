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
        $this->expectExceptionMessage('X::withTimeout(): the duration must not be negative, got -5.0');
        ProtoTime::seconds($interval, 'X::withTimeout()');
    }

    /** @dataProvider invalidDurations */
    public function testAnInvalidDurationIsRejectedNamingTheOption(int|float $value, string $problem): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("X::withTimeout(): the duration $problem");
        ProtoTime::seconds($value, 'X::withTimeout()');
    }

    public static function invalidDurations(): array
    {
        return [
            'NaN' => [NAN, 'must be a finite number of seconds, got NAN'],
            'infinity' => [INF, 'must be a finite number of seconds, got INF'],
            'minus infinity' => [-INF, 'must be a finite number of seconds, got -INF'],
            'negative' => [-0.5, 'must not be negative, got -0.5'],
            'over 10,000 years' => [1e12, 'must be at most 315576000000 seconds'],
        ];
    }

    public function testTheLongestDurationIsAccepted(): void
    {
        $this->assertSame((float) ProtoTime::MAX_SECONDS, ProtoTime::seconds(ProtoTime::MAX_SECONDS, 'x'));
    }

    /** @dataProvider waits */
    public function testAWaitTreatsANegativeDurationAsNoneButRejectsNanAndInfinity(float $value, ?float $expected): void
    {
        if ($expected === null) {
            $this->expectException(\ValueError::class);
            $this->expectExceptionMessage('Workflow::sleep(): the duration must be a finite number of seconds');
        }
        $this->assertSame($expected, ProtoTime::waitSeconds($value, 'Workflow::sleep()'));
    }

    public static function waits(): array
    {
        return ['negative' => [-3.0, 0.0], 'zero' => [0.0, 0.0], 'positive' => [1.5, 1.5], 'NaN' => [NAN, null],
            'infinity' => [INF, null], 'minus infinity' => [-INF, null]];
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
