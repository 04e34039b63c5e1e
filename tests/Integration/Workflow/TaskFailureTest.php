<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;
use TrueAsync\Temporal\Version;

/** A bug in workflow code fails the workflow task, not the workflow: deploying a fix lets the run finish. */
final class TaskFailureTest extends ServerTestCase
{
    public function testABugFailsTheTaskWithItsMessageAndTheRunFinishesOnceAFixIsDeployed(): void
    {
        $queue = 'php-task-failure-' . bin2hex(random_bytes(4));
        $buggy = self::worker($queue, []);
        $handle = $this->start($queue, 'PhpBuggy');
        $failure = $this->awaitTaskFailureOf($handle)->getMessage();
        self::assertSame('bug in workflow code', $failure);
        self::assertSame(WorkflowExecutionStatus::Running, $handle->describe()->getStatus());
        self::assertSame(0, $buggy->stop());
        self::assertSame('fixed', self::resultOnFixedWorker($queue, $handle));
        self::assertSame([Version::SDK_NAME, Version::SDK_VERSION], $this->sdkMetadata($handle));
    }

    public function testReadingTheClockFailsTheTaskWithFileAndLineAndTheFixedCodeCompletes(): void
    {
        $queue = 'php-guard-' . bin2hex(random_bytes(4));
        $worker = self::worker($queue, []);
        $handle = $this->start($queue, 'PhpReadsClock');
        self::assertMatchesRegularExpression(
            '~^time\(\) is not deterministic in workflow code \(called at .*/Fixtures/TaskFailureWorkflows\.php:\d+\); use Workflow::now\(\)$~',
            $this->awaitTaskFailureOf($handle)->getMessage(),
        );
        self::assertSame(0, $worker->stop());
        self::assertSame('read the workflow clock', self::resultOnFixedWorker($queue, $handle));
    }

    public function testCodeThatNeverYieldsFailsItsTaskWithinTheBudgetAndTheWorkerGoesOn(): void
    {
        $queue = 'php-guard-' . bin2hex(random_bytes(4));
        $worker = self::worker($queue, []);
        // The default 10 s task timeout: the 2 s deadlock budget must end the task before the server does.
        $spinning = $this->start($queue, 'PhpSpins', 10);
        $failure = $this->awaitTaskFailureOf($spinning);
        self::assertMatchesRegularExpression('/^potential deadlock: workflow code ran (\d+) ms without yielding/',
            $failure->getMessage());
        preg_match('/ran (\d+) ms/', $failure->getMessage(), $ran);
        self::assertLessThan(2000 + 1000, (int) $ran[1], 'stopped within the 2 s budget + 1 s');
        self::assertStringContainsString('SpinningWorkflow->run()', $failure->getStackTrace());
        $other = self::client()->start('PhpGreeting', ['Meanwhile'], WorkflowOptions::new()->withTaskQueue($queue)
            ->withWorkflowId('meanwhile-' . bin2hex(random_bytes(4))));
        self::assertSame('Hello, Meanwhile!', $other->result(timeoutSeconds: 30)[0], 'the worker completes other workflows');
        self::assertSame(0, $worker->stop());
        self::assertSame('no longer spins', self::resultOnFixedWorker($queue, $spinning));
    }

    public function testConfiguredExceptionTypesFailTheWorkflowInstead(): void
    {
        $queue = 'php-task-failure-' . bin2hex(random_bytes(4));
        $worker = self::worker($queue, []);
        try {
            $this->start("$queue-strict", 'PhpBuggy')->result(timeoutSeconds: 30);
            self::fail('the workflow did not fail');
        } catch (WorkflowFailedException $e) {
            $cause = $e->getPrevious();
            self::assertInstanceOf(ApplicationFailure::class, $cause);
            self::assertSame(['DomainException', 'bug in workflow code'], [$cause->getType(), $cause->getMessage()]);
        } finally {
            $worker->stop();
        }
    }

    private static function worker(string $queue, array $env): ChildProcess
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/workflow-worker.php', $queue], 'php-task-failure-worker', $env);
        $worker->waitFor('worker ready');
        return $worker;
    }

    private function start(string $queue, string $type, int $taskTimeout = 2): WorkflowHandle
    {
        return self::client()->start($type, [], WorkflowOptions::new()->withTaskQueue($queue)
            ->withWorkflowId('buggy-' . bin2hex(random_bytes(6)))->withWorkflowTaskTimeout($taskTimeout));
    }

    /** Deploys the fixed code (a new worker process on $queue) and waits for the run to finish on it. */
    private static function resultOnFixedWorker(string $queue, WorkflowHandle $handle): mixed
    {
        $fixed = self::worker($queue, ['WORKFLOW_BUG_FIXED' => '1']);
        try {
            return $handle->result(timeoutSeconds: 60);
        } finally {
            $fixed->stop();
        }
    }

    /** The first WorkflowTaskFailed event's failure, once the history has one; fails the test if none comes. */
    private function awaitTaskFailureOf(WorkflowHandle $handle): \TrueAsync\Temporal\Api\Failure\V1\Failure
    {
        return self::awaitTaskFailure($handle) ?? self::fail('the workflow task did not fail');
    }

    /** @return array{string, string} the first SDK name and version recorded in a WorkflowTaskCompleted event */
    private function sdkMetadata(WorkflowHandle $handle): array
    {
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            $metadata = $event->getWorkflowTaskCompletedEventAttributes()?->getSdkMetadata();
            if ($metadata !== null && $metadata->getSdkName() !== '') {
                return [$metadata->getSdkName(), $metadata->getSdkVersion()];
            }
        }
        return ['', ''];
    }
}
