<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\UpdateWaitStage;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\WorkflowContinuedAsNewException;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** Updates of, and result() across continue-as-new of, Python workflows. */
final class UpdateTest extends ServerTestCase
{
    public function testUpdateReturnsTheHandlersResult(): void
    {
        $handle = self::startWorkflow('UpdateWorkflow');

        $this->assertSame(5, $handle->update('add', 5));
        $this->assertSame(12.0, $handle->update(UpdateOptions::new('add')->withResultType('float'), 7));
        $handle->signal('finish');

        $this->assertSame(12, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testTheValidatorsRejectionThrowsWorkflowUpdateFailedException(): void
    {
        $handle = self::startWorkflow('UpdateWorkflow');
        try {
            $handle->update(UpdateOptions::new('add')->withUpdateId('negative'), -3);
            $this->fail('update() returned for a rejected update');
        } catch (WorkflowUpdateFailedException $e) {
            $this->assertSame('negative', $e->getUpdateId());
            $this->assertSame('add', $e->getUpdateName());
            $failure = $e->getFailure();
            $this->assertInstanceOf(ApplicationFailure::class, $failure);
            $this->assertSame('ValueError', $failure->getType());
            $this->assertSame('negative amount -3', $failure->getMessage());
        } finally {
            $handle->signal('finish');
        }
        $this->assertSame(0, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testStartUpdateReturnsWhenAcceptedAndAnUpdateHandleByIdGetsTheResult(): void
    {
        $handle = self::startWorkflow('UpdateWorkflow');

        $accepted = $handle->startUpdate(UpdateOptions::new('add', UpdateWaitStage::Accepted)->withUpdateId('u-1'), 4);
        $byId = self::client()->getHandle($handle->getId())->getUpdateHandle('u-1');

        $this->assertSame('u-1', $accepted->getId());
        $this->assertSame(4, $byId->result('int', self::RESULT_TIMEOUT_S));
        $this->assertSame(4, $accepted->result());
        $handle->signal('finish');
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
    }

    public function testResultFollowsContinueAsNewToTheLastRun(): void
    {
        $handle = self::startWorkflow('ContinueAsNewWorkflow', [3, 10]);

        $this->assertSame(13, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testResultWithoutFollowingRunsThrowsWorkflowContinuedAsNewException(): void
    {
        $handle = self::startWorkflow('ContinueAsNewWorkflow', [1, 0]);

        try {
            $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S, followRuns: false);
            $this->fail('result() returned for a run that continued as new');
        } catch (WorkflowContinuedAsNewException $e) {
            $this->assertNotSame($handle->getRunId(), $e->getNewRunId());
            $next = self::client()->getHandle($handle->getId(), $e->getNewRunId());
            $this->assertSame(1, $next->result('int', self::RESULT_TIMEOUT_S));
        }
    }
}
