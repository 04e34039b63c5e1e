<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;

/**
 * A bug in an update handler fails the workflow task, as one in the workflow method does: the task is
 * retried and the update runs again; only a TemporalFailure fails the update.
 */
final class UpdateTaskFailureTest extends WorkflowWorkerTestCase
{
    public function testTwoBuggyRunsFailTheTaskThenAnApplicationFailureFailsTheUpdate(): void
    {
        $handle = $this->start('PhpUpdateAttempts', []);
        try {
            $handle->update('failTwiceThenRefuse', 'twice');
            self::fail('the update did not fail');
        } catch (WorkflowUpdateFailedException $e) {
            self::assertSame('refused on run 3', $e->getPrevious()?->getMessage());
        }
        self::assertSame(3, $handle->query('runs', 'twice'), 'two runs failed the task, the third the update');
        self::assertSame('bug in the update handler, run 1', self::awaitTaskFailure($handle)?->getMessage());
        $handle->signal('finish');
        self::assertSame('finished', $handle->result(timeoutSeconds: 60));
    }

    public function testOneBuggyRunFailsTheTaskThenTheUpdateCompletes(): void
    {
        $handle = $this->start('PhpUpdateAttempts', []);
        self::assertSame('succeeded on run 2', $handle->update('failOnceThenSucceed', 'once'));
        self::assertSame('bug in the update handler, run 1', self::awaitTaskFailure($handle)?->getMessage());
        $handle->signal('finish');
        self::assertSame('finished', $handle->result(timeoutSeconds: 60));
    }

    public function testTheValidatorDoesNotRunAgainWhenTheRunIsReplayed(): void
    {
        // A worker that caches nothing replays the whole history, accepted updates included, on every activation.
        $queue = self::$queue . '-replay';
        $worker = self::startWorker($queue, 0);
        try {
            $handle = self::client()->start('PhpUpdateAttempts', [], WorkflowOptions::new()->withTaskQueue($queue)
                ->withWorkflowId('validated-' . bin2hex(random_bytes(6))));
            self::assertSame('validated first', $handle->update('validated', 'first'));
            self::assertSame('validated second', $handle->update('validated', 'second'));
            $handle->signal('finish');
            self::assertSame('finished', $handle->result(timeoutSeconds: 60));
            self::assertSame([1, 1], [$handle->query('validations', 'first'), $handle->query('validations', 'second')]);
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }
}
