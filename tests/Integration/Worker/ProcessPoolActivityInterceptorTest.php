<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

/** Activity interceptors in a ProcessPoolActivityExecutor's processes, added by its bootstrap. */
final class ProcessPoolActivityInterceptorTest extends ActivityInterceptorTestCase
{
    protected static function executor(): string
    {
        return 'pool';
    }

    public function testTheHooksRunInThePoolProcessNotInTheWorker(): void
    {
        [$handle] = $this->runActivity(['name' => 'icpt.work', 'args' => [1, 1], 'heartbeat_timeout' => 10]);
        $pids = array_column([...self::records($handle, 'execute'), ...self::records($handle, 'heartbeat'),
            ...self::records($handle, 'getInfo')], 'pid');
        self::assertCount(3, $pids);
        self::assertCount(1, array_unique($pids), 'one process ran the attempt and its hooks');
        self::assertNotSame(self::$phpWorker->pid(), $pids[0]);
    }
}
