<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\UpdateWaitStage;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Exception\WorkflowQueryFailedException;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;
use TrueAsync\Temporal\Workflow\ChildWorkflowCancellationType;

/**
 * The calling convention (docs/DESIGN.md) against a live server: arguments that don't fit a handler, update
 * options, a failed update found again by id, and what a parent's cancellation does to an abandoned child.
 */
final class CallingConventionTest extends WorkflowWorkerTestCase
{
    private const FIXTURES = 'TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures\\';

    public function testASignalWhoseArgumentsDontFitIsLoggedAndDroppedAndTheWorkflowGoesOn(): void
    {
        $handle = $this->start('PhpSignalQuery', []);
        $handle->signal('add', 1, 2);
        $handle->signal('add', 'three');
        $handle->signal('add', 4);
        $handle->signal('finish');

        self::assertSame(4, $handle->result(timeoutSeconds: 30));
        self::$worker->waitFor('signal "add": ' . self::FIXTURES
            . 'SignalQueryWorkflow::add(int $amount) takes 1 argument, given 2 (int, int); the signal is dropped');
        self::$worker->waitFor('SignalQueryWorkflow::add(int $amount) cannot take the arguments given: '
            . 'Cannot decode a json/plain payload as int: it holds string; the signal is dropped');
    }

    public function testAnUpdateWhoseArgumentsDontFitIsRejectedAndTheWorkflowGoesOn(): void
    {
        $handle = $this->start('PhpUpdate', []);
        try {
            $handle->update('addItem', 1, 2);
            self::fail('an update with two arguments for one was accepted');
        } catch (WorkflowUpdateFailedException $e) {
            self::assertSame('addItem', $e->getUpdateName());
            $failure = $e->getPrevious();
            self::assertInstanceOf(ApplicationFailure::class, $failure);
            self::assertSame('InvalidHandlerArguments', $failure->getType());
            self::assertSame('update "addItem": ' . self::FIXTURES
                . 'UpdateWorkflow::addItem(int $item) takes 1 argument, given 2 (int, int)', $failure->getMessage());
        }
        self::assertSame(2, $handle->update('addItem', 2));
        $handle->update('close');
        self::assertSame([2], $handle->result(timeoutSeconds: 30));
    }

    public function testAQueryWhoseArgumentsDontFitFailsNamingItsHandlerAndUnknownQueriesListTheBuiltIns(): void
    {
        $handle = $this->start('PhpSignalQuery', []);
        self::assertSame(0, self::eventually(fn () => $handle->query('total'), 0));
        try {
            $handle->query('total', 'extra');
            self::fail('a query with an argument too many was answered');
        } catch (WorkflowQueryFailedException $e) {
            self::assertStringContainsString('query "total": ' . self::FIXTURES
                . 'SignalQueryWorkflow::total() takes 0 arguments, given 1 (string)', $e->getMessage());
        }
        try {
            $handle->query('nope');
            self::fail('an unknown query was answered');
        } catch (WorkflowQueryFailedException $e) {
            self::assertStringContainsString(
                'unknown query "nope" (known queries: __stack_trace, __temporal_workflow_metadata, total)', $e->getMessage());
        }
        $handle->signal('finish');
        self::assertSame(0, $handle->result(timeoutSeconds: 30));
    }

    public function testUpdateOptionsCarryTheIdWaitStageAndResultType(): void
    {
        $handle = $this->start('PhpUpdate', []);
        $update = $handle->startUpdate(UpdateOptions::new('addItem', UpdateWaitStage::Completed)
            ->withUpdateId('typed-1')->withResultType('float'), 3);

        self::assertSame('typed-1', $update->getId());
        self::assertSame(3.0, $update->result());
        self::assertSame(3, $update->result('int'), 'a $type given to result() wins over the options');
        $handle->update('close');
        self::assertSame([3], $handle->result(timeoutSeconds: 30));
    }

    public function testAFailedUpdateFoundAgainByIdIsNamedInItsException(): void
    {
        $handle = $this->start('PhpRefusingUpdate', []);
        $handle->startUpdate(UpdateOptions::new('refuse')->withUpdateId('refused-1'), 'not today');
        try {
            self::client()->getHandle($handle->getId())->getUpdateHandle('refused-1')->result(timeoutSeconds: 30);
            self::fail('a refused update returned');
        } catch (WorkflowUpdateFailedException $e) {
            self::assertSame('refuse', $e->getUpdateName());
            self::assertSame('refused-1', $e->getUpdateId());
            self::assertSame('not today', $e->getPrevious()?->getMessage());
        }
        $handle->update('close');
        self::assertSame('closed', $handle->result(timeoutSeconds: 30));
    }

    /**
     * ParentClosePolicy::Abandon alone does not keep a child out of its parent's cancellation: the child is
     * asked to cancel unless its cancellation type is Abandon too (as the two enums document).
     *
     * @dataProvider cancellationTypes
     */
    public function testCancellingAParentCancelsAnAbandonedChildUnlessItsCancellationTypeIsAbandon(
        ChildWorkflowCancellationType $type,
        bool $childAskedToCancel,
    ): void {
        $childId = 'abandoned-' . bin2hex(random_bytes(6));
        $parent = $this->start('PhpAbandoningParent', [$childId, $type->value]);
        $child = self::client()->getHandle($childId);
        self::eventually(fn () => $child->query('cleanup'), 'none');  // the child runs and sleeps
        $parent->cancel();
        try {
            $parent->result(timeoutSeconds: 60);
            self::fail('the cancelled parent completed');
        } catch (WorkflowFailedException) {
        }
        $cancelRequested = array_filter($child->fetchHistory()->getEvents(), fn ($event) =>
            $event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
        self::assertSame($childAskedToCancel, $cancelRequested !== []);
        if ($childAskedToCancel) {
            self::assertSame(WorkflowExecutionStatus::Canceled,
                self::eventually(fn () => $child->describe()->getStatus(), WorkflowExecutionStatus::Canceled));
        } else {
            self::assertSame(WorkflowExecutionStatus::Running, $child->describe()->getStatus());
            $child->terminate('test over');
        }
    }

    public static function cancellationTypes(): array
    {
        return [
            'default (wait for the cancellation)' => [ChildWorkflowCancellationType::WaitCancellationCompleted, true],
            'abandon' => [ChildWorkflowCancellationType::Abandon, false],
        ];
    }
}
