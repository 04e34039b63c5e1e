<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * The client used inside a worker: an activity's call suspends only its own Fiber, so other activities and
 * the worker's workflow tasks go on meanwhile; workflow code may not call it at all.
 */
final class ClientInWorkerTest extends WorkflowWorkerTestCase
{
    // The server admits at most 10 updates in flight per workflow (history.maxInFlightUpdates).
    private const MEMBERS = 8;

    /**
     * Each of 8 activities sends an update that completes only once all 8 have joined, and the gathering
     * workflow runs on this same worker process: a call that blocked the process would hold the first
     * update forever (nothing else could run), so finishing at all proves the calls ran side by side.
     */
    public function testActivitiesCallingTheClientSuspendOnlyTheirOwnFiber(): void
    {
        $gathering = self::client()->start('PhpGathering', [self::MEMBERS], WorkflowOptions::new()
            ->withTaskQueue(self::$queue)->withWorkflowId(self::uniqueId('gathering'))
            ->withMemo(['expected' => self::MEMBERS]));
        $callers = $this->start('PhpClientCallingActivities', [$gathering->getId(), self::MEMBERS]);

        $joined = $callers->result(timeoutSeconds: 120);
        sort($joined);
        $this->assertSame(array_fill(0, self::MEMBERS, self::MEMBERS), $joined);
        $this->assertSame(self::MEMBERS, $gathering->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testWorkflowCodeCallingTheClientFailsItsTaskSayingWhy(): void
    {
        $handle = $this->start('PhpClientInWorkflowCode', []);
        $failure = self::awaitTaskFailure($handle);
        $this->assertStringContainsString('workflow code must not call the client (CountWorkflowExecutions)',
            $failure->getMessage());
        $handle->terminate('test done');
    }
}
