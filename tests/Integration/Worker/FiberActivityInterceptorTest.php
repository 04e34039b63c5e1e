<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * Activity interceptors on Fibers: the client's (the recording one) then the worker's, around remote and
 * local activities alike.
 */
final class FiberActivityInterceptorTest extends ActivityInterceptorTestCase
{
    protected static function executor(): string
    {
        return 'fibers';
    }

    public function testALocalActivityRunsThroughTheInterceptors(): void
    {
        $handle = self::client()->start('IcptLocal', [4], WorkflowOptions::new()->withTaskQueue(self::$queue)
            ->withWorkflowId(self::uniqueId('intercepted-local')));
        self::assertSame([5, 'local'], $handle->result(timeoutSeconds: 60), 'its argument changed by one');
        $executes = self::records($handle, 'execute');
        self::assertCount(1, $executes);
        self::assertSame([true, [4, 'local'], self::$phpWorker->pid()],
            [$executes[0]['is_local'], $executes[0]['arguments'], $executes[0]['pid']]);
    }
}
