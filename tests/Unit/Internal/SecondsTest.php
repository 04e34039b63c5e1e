<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Exception\DeadlineExceededException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Internal\Seconds;

final class SecondsTest extends TestCase
{
    /**
     * @dataProvider notFinite
     */
    public function testNanAndInfinityAreRejectedWithTheOptionsName(float $seconds): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessageMatches('/^Thing::withWait\(\): the duration must be a finite number of seconds, got -?(NAN|INF)$/');
        Seconds::positive($seconds, 'Thing::withWait()');
    }

    /** @return array<string, array{float}> */
    public static function notFinite(): array
    {
        return ['NaN' => [NAN], 'infinity' => [INF], 'minus infinity' => [-INF]];
    }

    public function testZeroIsNoTimeout(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('x: the timeout must be more than 0 s (0 would mean none)');
        Seconds::positive(0.0, 'x');
    }

    public function testMillisecondsRoundUpSoATinyTimeoutIsNeverNone(): void
    {
        $this->assertSame(1, Seconds::toMs(0.0001));
        $this->assertSame(1500, Seconds::toMs(1.5));
        $this->assertSame(2147483647, Seconds::toMs(1e12));
    }

    public function testTheDeadlineMessageNamesTheCallAndTheTimeout(): void
    {
        $status = new Core\ServiceException('rpc timeout exceeded', ServiceException::DEADLINE_EXCEEDED);

        $exception = DeadlineExceededException::afterRpcTimeout('WorkflowService.QueryWorkflow', 1.25, $status);

        $this->assertSame('WorkflowService.QueryWorkflow did not complete within its RPC timeout of 1.25 s '
            . '(rpc timeout exceeded)', $exception->getMessage());
        $this->assertSame(ServiceException::DEADLINE_EXCEEDED, $exception->getCode());
        $this->assertSame($status, $exception->getPrevious());
    }
}
