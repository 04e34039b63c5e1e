<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

/** The activity-executor contract for FiberActivityExecutor, the default. */
final class FiberActivityExecutorTest extends ActivityExecutorContractTestCase
{
    protected static function executor(): string
    {
        return 'fibers';
    }
}
