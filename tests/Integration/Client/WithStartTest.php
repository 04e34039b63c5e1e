<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\UpdateWaitStage;
use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** Client::signalWithStart() and updateWithStart() against Python workflows. */
final class WithStartTest extends ServerTestCase
{
    public function testSignalWithStartStartsTheWorkflowThenSignalsTheRunningOne(): void
    {
        $options = self::options('SignalQueryWorkflow');

        $first = self::client()->signalWithStart('SignalQueryWorkflow', [], $options, 'add', [5]);
        $second = self::client()->signalWithStart('SignalQueryWorkflow', [], $options, 'add', [6]);

        $this->assertSame($first->getRunId(), $second->getRunId());
        $this->assertSame(11, $first->query('total'));
        $first->signal('finish');
        $this->assertSame(11, $first->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testUpdateWithStartStartsTheWorkflowThenUpdatesTheRunningOne(): void
    {
        $options = self::options('UpdateWorkflow')->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting);

        $client = self::client();
        $first = $client->updateWithStart('UpdateWorkflow', [], $options, UpdateOptions::new('add', UpdateWaitStage::Completed), [2]);
        $second = self::client()->updateWithStart('UpdateWorkflow', [], $options, 'add', [40]);

        $this->assertSame(2, $first->result());
        $this->assertSame(42, $second->result('int', self::RESULT_TIMEOUT_S));
        $this->assertSame($first->getExecution()->getRunId(), $second->getExecution()->getRunId());
        $handle = self::client()->getHandle($options->getWorkflowId());
        $handle->signal('finish');
        $this->assertSame(42, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testUpdateWithStartWithConflictPolicyFailThrowsWorkflowAlreadyStartedWithTheRunId(): void
    {
        $running = self::startWorkflow('UpdateWorkflow');
        $options = self::options('UpdateWorkflow')
            ->withWorkflowId($running->getId())
            ->withIdConflictPolicy(WorkflowIdConflictPolicy::Fail);
        try {
            self::client()->updateWithStart('UpdateWorkflow', [], $options, 'add', [1]);
            $this->fail('updateWithStart() succeeded for a running workflow with conflict policy Fail');
        } catch (WorkflowAlreadyStartedException $e) {
            $this->assertSame($running->getRunId(), $e->getRunId());
            $this->assertSame('UpdateWorkflow', $e->getWorkflowType());
        } finally {
            $running->terminate('test done');
        }
    }

    public function testUpdateWithStartNeedsAnIdConflictPolicy(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('must set an id conflict policy');
        self::client()->updateWithStart('UpdateWorkflow', [], self::options('UpdateWorkflow'), 'add', [1]);
    }

    private static function options(string $workflowType): WorkflowOptions
    {
        return WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId(self::uniqueId($workflowType));
    }
}
