<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Workflow\ParentClosePolicy;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;
use TrueAsync\Temporal\Tests\Integration\PythonTestWorker;
use TrueAsync\Temporal\Tests\Integration\TestSearchAttributes;

/** PHP workflows on Fibers, with PHP activities, in a PHP worker process; driven by the PHP client. */
class WorkflowEngineTest extends WorkflowWorkerTestCase
{
    public function testActivitiesThroughAStubAndByName(): void
    {
        self::assertSame(['Hello, Ada!', 'Hello, Ada again!', 'PhpGreeting'],
            $this->start('PhpGreeting', ['Ada'])->result(timeoutSeconds: 30));
    }

    public function testTimerAdvancesWorkflowTime(): void
    {
        $elapsed = $this->start('PhpTimer', [1.5])->result(timeoutSeconds: 30);
        self::assertGreaterThanOrEqual(1.5, $elapsed);
        self::assertLessThan(10.0, $elapsed);
    }

    public function testSignalsQueriesAndAwait(): void
    {
        $handle = $this->start('PhpSignalQuery', []);
        $handle->signal('add', 3);
        $handle->signal('add', 4);
        self::assertSame(7, self::eventually(fn () => $handle->query('total'), 7));
        $handle->signal('finish');
        self::assertSame(7, $handle->result(timeoutSeconds: 30));
        self::assertSame(7, $handle->query('total'), 'queries work after completion');
    }

    public function testAwaitWithTimeout(): void
    {
        self::assertSame([false, true], $this->start('PhpAwaitTimeout', [])->result(timeoutSeconds: 30));
    }

    public function testTemporalFailureFailsTheWorkflowWithItsCause(): void
    {
        try {
            $this->start('PhpFailing', [])->result(timeoutSeconds: 30);
            self::fail('the workflow did not fail');
        } catch (WorkflowFailedException $e) {
            $failure = $e->getPrevious();
            self::assertInstanceOf(ApplicationFailure::class, $failure);
            self::assertSame('GaveUp', $failure->getType());
            self::assertSame('workflow gave up: activity broke', $failure->getMessage());
            self::assertTrue($failure->isNonRetryable());
        }
    }

    public function testAsyncBranchesAwaitAllAndAwaitAny(): void
    {
        $result = $this->start('PhpParallel', [['Ann', 'Bob', 'Cy']])->result(timeoutSeconds: 30);
        self::assertSame(['greetings' => ['Ann' => 'Hello, Ann!', 'Bob' => 'Hello, Bob!', 'Cy' => 'Hello, Cy!'],
            'first' => 'fast'], $result);
    }

    public function testRandomnessIsTheSameOnReplay(): void
    {
        $handle = $this->start('PhpRandom', []);
        $result = $handle->result(timeoutSeconds: 30);
        self::assertCount(3, $result);
        self::assertMatchesRegularExpression('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $result[1]);
        // A query after completion replays the run (from history when it is not cached): same draws.
        self::assertSame($result, $handle->query('drawn'));
    }

    public function testUpdatesAcceptedRejectedByTheValidatorAndCompleted(): void
    {
        $handle = $this->start('PhpUpdate', []);
        self::assertSame(5, $handle->update('addItem', 5));
        self::assertSame(12, $handle->update('addItem', 7));
        try {
            $handle->update('addItem', -1);
            self::fail('the validator did not reject -1');
        } catch (WorkflowUpdateFailedException $e) {
            self::assertStringContainsString('negative item -1 rejected', $e->getPrevious()?->getMessage() ?? '');
        }
        try {
            $handle->update('nope');
            self::fail('an unknown update was accepted');
        } catch (WorkflowUpdateFailedException $e) {
            self::assertStringContainsString('unknown update "nope" (known updates: addItem, close)',
                $e->getPrevious()?->getMessage() ?? '');
        }
        $handle->update('close');
        self::assertSame([5, 7], $handle->result(timeoutSeconds: 30));
    }

    public function testCancelledWorkflowRunsDetachedCleanupAndEndsCancelled(): void
    {
        $handle = $this->start('PhpCancellable', []);
        self::eventually(fn () => $handle->query('cleanup'), 'none');  // its first task is done: it sleeps
        $handle->cancel();
        try {
            $handle->result(timeoutSeconds: 30);
            self::fail('the cancelled workflow completed');
        } catch (WorkflowFailedException $e) {
            self::assertInstanceOf(CanceledFailure::class, $e->getPrevious());
        }
        self::assertSame('Hello, cleanup!', $handle->query('cleanup'));
        self::assertSame(WorkflowExecutionStatus::Canceled, $handle->describe()->getStatus());
    }

    public function testCancellingABranchCancelsItsTimerAndItsActivity(): void
    {
        self::assertSame(['CanceledFailure <- ', 'ActivityFailure <- CanceledFailure'],
            $this->start('PhpScopeCancellation', [])->result(timeoutSeconds: 30));
    }

    public function testChildWorkflowsAndContinueAsNew(): void
    {
        $result = $this->start('PhpParent', ['Kid'])->result(timeoutSeconds: 60);
        self::assertSame(['child' => ['Hello, Kid!', 'Hello, Kid again!', 'PhpGreeting'], 'countdown' => [3, 2, 1, 0]],
            $result);
    }

    public function testAStartedChildIsSignalledBeforeItsResultIsAwaited(): void
    {
        $handle = $this->start('PhpStartChild', []);
        self::assertSame([$handle->getId() . '-child', true, 5], $handle->result(timeoutSeconds: 60));
    }

    public function testResultFollowsContinueAsNewCarryingState(): void
    {
        self::assertSame([2, 1, 0], $this->start('PhpCountdown', [2, []])->result(timeoutSeconds: 60));
    }

    public function testPhpWorkflowCallsAPythonActivityAndStartsAPythonChild(): void
    {
        $pythonQueue = PythonTestWorker::shared(self::address())->getTaskQueue();
        self::assertSame([
            'shout' => 'HELLO FROM PHP!',
            'echo' => ['a', 1, [true]],
            'failure' => ['CardError', 'declined', ['card']],
        ], $this->start('PhpCallsPython', [$pythonQueue])->result(timeoutSeconds: 60));
    }

    public function testPythonClientDrivesPhpWorkflows(): void
    {
        [$exitCode, $output, $errors] = self::runProcess([getenv('PYTHON') ?: 'python3',
            __DIR__ . '/../../Interop/python/drive_php_workflows.py', '--task-queue', self::$queue]);
        self::assertSame(0, $exitCode, "drive_php_workflows.py failed:\n$output\n$errors");
        self::assertSame([
            'greeting' => ['Hello, Py!', 'Hello, Py again!', 'PhpGreeting'],
            'queried_total' => 7,
            'counted' => 7,
            'first_update' => 3,
            'rejected' => ['type' => 'InvalidArgumentException', 'message' => 'negative item -1 rejected'],
            'items' => [3],
        ], json_decode($output, true), $output . $errors);
    }

    public function testRuntimeHandlersBufferedSignalsAndExternalSignals(): void
    {
        $peer = $this->start('PhpSignalQuery', []);
        $handle = $this->start('PhpRuntimeHandlers', [$peer->getId()]);
        $handle->signal('late', 'a');
        $handle->signal('late', 'b');
        self::assertSame(['a', 'b', 'unknown workflow not signalled'], $handle->result(timeoutSeconds: 30));
        self::assertSame(['a', 'b', 'unknown workflow not signalled'], $handle->query('seen'));
        self::assertSame(5, $peer->result(timeoutSeconds: 30), 'the external signals reached the peer');
    }

    public function testLocalActivitiesIncludingRetriesPastTheLocalThreshold(): void
    {
        $handle = $this->start('PhpLocalActivity', []);
        self::assertSame(['Hello, Lo!', 'attempt 3, local'], $handle->result(timeoutSeconds: 60));
        $timers = array_filter($handle->fetchHistory()->getEvents(), fn ($event) => $event->getEventType() === \TrueAsync\Temporal\Api\Enums\V1\EventType::EVENT_TYPE_TIMER_STARTED);
        self::assertCount(2, $timers, 'each backoff past the threshold became a workflow timer');
    }

    public function testUpsertedSearchAttributesAndMemoAreVisibleThroughTheClient(): void
    {
        TestSearchAttributes::register(self::address());
        $handle = $this->start('PhpUpsert', []);
        self::assertSame('php-upserted', $handle->result(timeoutSeconds: 30));
        $description = $handle->describe();
        self::assertSame('php-upserted', $description->getSearchAttributes()->get(TestSearchAttributes::keyword()));
        self::assertSame(42, $description->getSearchAttributes()->get(TestSearchAttributes::int()));
        self::assertEquals(['owner' => 'php', 'limits' => ['a' => 1]], $description->getMemo(), 'memo maps are unordered');

        // Visibility is eventually consistent: the upsert reaches the list a little after the run closes.
        $query = sprintf("WorkflowId = '%s' AND %s = 'php-upserted' AND %s = 42", $handle->getId(),
            TestSearchAttributes::keyword()->getName(), TestSearchAttributes::int()->getName());
        $listed = self::eventuallyAccepted(fn () => iterator_to_array(self::client()->listWorkflows($query), false),
            fn (array $found) => \count($found) === 1);
        self::assertCount(1, $listed);
        self::assertSame(42, $listed[0]->getSearchAttributes()->get(TestSearchAttributes::int()));
        self::assertEquals(['owner' => 'php', 'limits' => ['a' => 1]], $listed[0]->getMemo());
    }

    public function testDynamicWorkflowAndDynamicHandlers(): void
    {
        $handle = $this->start('AnyTypeAtAll', [1, 'two']);
        $handle->signal('ping', 'x');
        self::assertSame(['whatever', [5], [['ping', ['x']]]],
            self::eventually(fn () => $handle->query('whatever', 5), ['whatever', [5], [['ping', ['x']]]]));
        $handle->signal('stop');
        self::assertSame(['AnyTypeAtAll', [1, 'two'], [['ping', ['x']], ['stop', []]]], $handle->result(timeoutSeconds: 30));
    }

    public function testCancellingTheBranchOfAChildCancelsTheChild(): void
    {
        $childId = 'child-' . bin2hex(random_bytes(6));
        self::assertSame('ChildWorkflowFailure <- CanceledFailure', $this->start('PhpCancelChild', [$childId])->result(timeoutSeconds: 60));
        $child = self::client()->getHandle($childId);
        // The default cancellation type waits for the child to end cancelled before the parent goes on.
        self::assertSame(WorkflowExecutionStatus::Canceled, $child->describe()->getStatus());
        self::assertSame('Hello, cleanup!', $child->query('cleanup'), 'the child ran its cleanup');
    }

    /** @dataProvider parentClosePolicies */
    public function testEachParentClosePolicy(ParentClosePolicy $policy, WorkflowExecutionStatus $childEnds): void
    {
        $childId = 'orphan-' . bin2hex(random_bytes(6));
        self::assertSame('parent closed', $this->start('PhpParentClosePolicy', [(string) $policy->value, $childId])->result(timeoutSeconds: 60));
        $child = self::client()->getHandle($childId);
        $status = self::eventually(fn () => $child->describe()->getStatus(), $childEnds);
        self::assertSame($childEnds, $status);
        if ($status === WorkflowExecutionStatus::Running) {
            $child->terminate('test over');
        }
    }

    public static function parentClosePolicies(): array
    {
        return [
            'terminate' => [ParentClosePolicy::Terminate, WorkflowExecutionStatus::Terminated],
            'request cancel' => [ParentClosePolicy::RequestCancel, WorkflowExecutionStatus::Canceled],
            'abandon' => [ParentClosePolicy::Abandon, WorkflowExecutionStatus::Running],
        ];
    }

    public function testCancellingAnExternalWorkflow(): void
    {
        $target = $this->start('PhpCancellable', []);
        self::assertSame('cancellation requested', $this->start('PhpCancelExternal', [$target->getId()])->result(timeoutSeconds: 30));
        self::assertSame(WorkflowExecutionStatus::Canceled, self::eventually(fn () => $target->describe()->getStatus(),
            WorkflowExecutionStatus::Canceled));
    }
}
