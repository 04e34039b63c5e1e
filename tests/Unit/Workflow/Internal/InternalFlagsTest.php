<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Workflow\Internal\InternalFlags;

final class InternalFlagsTest extends TestCase
{
    public function testOnNewGroundAFlagIsUsedAndReportedOnce(): void
    {
        $flags = new InternalFlags();

        self::assertTrue($flags->tryUse(3, replaying: false));
        self::assertTrue($flags->tryUse(3, replaying: false));
        self::assertSame([3], $flags->takeNewlyUsed());
        self::assertSame([], $flags->takeNewlyUsed());
        self::assertTrue($flags->tryUse(3, replaying: true), 'once used, the run keeps the behaviour');
    }

    public function testWhileReplayingOnlyFlagsThatHistoryHasApply(): void
    {
        $flags = new InternalFlags();
        $flags->observe(new WorkflowActivation(['available_internal_flags' => [1]]));

        self::assertTrue($flags->tryUse(1, replaying: true));
        self::assertFalse($flags->tryUse(2, replaying: true), 'a run recorded before flag 2 keeps the old behaviour');
        self::assertSame([], $flags->takeNewlyUsed(), 'flags from history are not reported again');
    }
}
