<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\DeadlineExceededException;

/**
 * Deadlines on client calls: a query to a workflow whose worker has stopped waits for a worker that never
 * comes (about 30 s by default); with an RPC timeout, from the call's object or from the client's options, it
 * fails at that timeout. Long polls for a result are not cut by it.
 */
final class RpcTimeoutTest extends WorkflowWorkerTestCase
{
    /** Far below the default wait, far above the 1 s timeout: never a speed-dependent bound. */
    private const PROMPTLY_S = 15.0;

    private static WorkflowHandle $orphan;

    public static function setUpBeforeClass(): void
    {
        parent::setUpBeforeClass();
        $queue = 'php-rpc-timeout-' . bin2hex(random_bytes(4));
        $worker = self::startWorker($queue, 1000);
        try {
            self::$orphan = self::client()->start('PhpSignalQuery', [], WorkflowOptions::new()
                ->withTaskQueue($queue)->withWorkflowId(self::uniqueId('orphan')));
            self::assertSame(0, self::eventually(fn (): int => self::$orphan->query('total'), 0));
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    public static function tearDownAfterClass(): void
    {
        self::$orphan->terminate('test done');
        parent::tearDownAfterClass();
    }

    public function testAQueryWithTheHandlesRpcTimeoutFailsAtIt(): void
    {
        $this->assertDeadlineExceeded(fn () => self::$orphan->withRpcTimeout(1.0)->query('total'));
    }

    public function testAQueryWithTheClientWideDefaultFailsAtIt(): void
    {
        $client = Client::connect(ConnectionOptions::new(self::address())->withRpcTimeout(1.0));

        $this->assertDeadlineExceeded(fn () => $client->getHandle(self::$orphan->getId())->query('total'));
    }

    public function testAHandleInheritsItsClientsRpcTimeout(): void
    {
        $client = self::client()->withRpcTimeout(1.0);

        $this->assertDeadlineExceeded(fn () => $client->getHandle(self::$orphan->getId())->query('total'));
    }

    public function testALongPollForTheResultIsNotCutByAShortRpcTimeout(): void
    {
        // The workflow's timer keeps result() waiting longer than the RPC timeout, however fast the box is.
        $handle = $this->start('PhpTimer', [3.0])->withRpcTimeout(1.0);

        $this->assertGreaterThanOrEqual(3.0, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testAnRpcTimeoutThatIsNotAPositiveFiniteNumberIsRejectedByName(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('WorkflowHandle::withRpcTimeout(): $timeoutSeconds: the duration must be a '
            . 'finite number of seconds, got NAN');
        self::$orphan->withRpcTimeout(NAN);
    }

    private function assertDeadlineExceeded(\Closure $call): void
    {
        $started = hrtime(true);
        try {
            $call();
            $this->fail('the call returned, though no worker can answer it');
        } catch (DeadlineExceededException $e) {
            $elapsed = (hrtime(true) - $started) / 1e9;
            $this->assertStringContainsString('WorkflowService.QueryWorkflow did not complete within its RPC timeout '
                . 'of 1 s', $e->getMessage());
            $this->assertLessThan(self::PROMPTLY_S, $elapsed, 'the RPC timeout did not bound the call');
        }
    }
}
