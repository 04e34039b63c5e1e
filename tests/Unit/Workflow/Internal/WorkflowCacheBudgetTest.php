<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow\Internal\WorkflowCacheBudget;

final class WorkflowCacheBudgetTest extends TestCase
{
    private const MIB = 1 << 20;

    public function testUnderTheCapNothingIsEvicted(): void
    {
        $budget = new WorkflowCacheBudget(50 * self::MIB);
        foreach (['a', 'b', 'c', 'd', 'e'] as $run) {
            $budget->record($run, 10 * self::MIB);
        }
        self::assertSame([], $budget->overflow());
        self::assertSame(50 * self::MIB, $budget->totalBytes());
    }

    public function testTheLeastRecentlyUsedRunsGoFirstAndEachIsNamedOnce(): void
    {
        $budget = new WorkflowCacheBudget(50 * self::MIB);
        foreach (['a', 'b', 'c', 'd', 'e'] as $run) {
            $budget->record($run, 10 * self::MIB);
        }
        $budget->record('a', 0);  // used again: now the most recent
        $budget->record('f', 15 * self::MIB);
        self::assertSame(['b' => 10 * self::MIB, 'c' => 10 * self::MIB], $budget->overflow());
        self::assertSame([], $budget->overflow(), 'their evictions were asked for already');
        self::assertSame(10 * self::MIB, $budget->forget('b'));
        self::assertSame(10 * self::MIB, $budget->forget('c'));
        self::assertSame(45 * self::MIB, $budget->totalBytes());
        self::assertSame([], $budget->overflow());
    }

    public function testARunLargerThanTheCapStaysCachedAlone(): void
    {
        $budget = new WorkflowCacheBudget(10 * self::MIB);
        $budget->record('small', self::MIB);
        $budget->record('huge', 30 * self::MIB);
        self::assertSame(['small' => self::MIB], $budget->overflow());
        $budget->forget('small');
        self::assertSame([], $budget->overflow(), 'the most recently used run is never evicted for the cap');
    }

    public function testAnEstimateNeverGoesBelowZero(): void
    {
        $budget = new WorkflowCacheBudget(self::MIB);
        $budget->record('a', 100);
        $budget->record('a', -1000);  // freed what other code allocated before
        self::assertSame(0, $budget->totalBytes());
        self::assertSame(0, $budget->forget('a'));
        self::assertNull($budget->forget('a'), 'an eviction of a run it never saw');
    }

    public function testTheOptionTakesPositiveBytesOrNull(): void
    {
        self::assertSame(50 * self::MIB, WorkerOptions::new()->withMaxCachedWorkflowBytes(50 * self::MIB)->getMaxCachedWorkflowBytes());
        self::assertNull(WorkerOptions::new()->withMaxCachedWorkflowBytes(null)->getMaxCachedWorkflowBytes());
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('withMaxCachedWorkflowBytes(): the cap must be positive bytes or null, got 0');
        WorkerOptions::new()->withMaxCachedWorkflowBytes(0);
    }
}
