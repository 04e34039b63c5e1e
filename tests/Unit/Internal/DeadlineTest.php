<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Internal\Deadline;

final class DeadlineTest extends TestCase
{
    public function testWithoutTimeoutItNeverExpiresAndSetsNoRpcTimeout(): void
    {
        $deadline = Deadline::in(null);

        $this->assertFalse($deadline->isExpired());
        $this->assertSame(0, $deadline->rpcTimeoutMs());
        $this->assertNull($deadline->getSeconds());
    }

    public function testTheRpcTimeoutIsTheTimeLeft(): void
    {
        $deadline = Deadline::in(10.0);

        $this->assertFalse($deadline->isExpired());
        $this->assertGreaterThan(9_000, $deadline->rpcTimeoutMs());
        $this->assertLessThanOrEqual(10_000, $deadline->rpcTimeoutMs());
    }

    public function testAnExpiredDeadlineStillGivesANonZeroRpcTimeout(): void
    {
        $deadline = Deadline::in(0.0);

        $this->assertTrue($deadline->isExpired());
        $this->assertSame(1, $deadline->rpcTimeoutMs(), '0 would mean no timeout at all');
    }

    public function testANegativeTimeoutIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        Deadline::in(-0.1);
    }
}
