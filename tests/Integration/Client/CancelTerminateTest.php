<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class CancelTerminateTest extends ServerTestCase
{
    public function testCancelledWorkflowResultThrowsWithCanceledFailure(): void
    {
        $handle = self::startWorkflow('LongWorkflow');

        $handle->cancel();

        $failure = $this->resultFailure($handle->result(...));
        $this->assertInstanceOf(CanceledFailure::class, $failure);
        $this->assertSame(WorkflowExecutionStatus::Canceled, $handle->describe()->getStatus());
    }

    public function testTerminatedWorkflowResultThrowsWithTerminatedFailureCarryingTheReason(): void
    {
        $handle = self::startWorkflow('LongWorkflow');

        $handle->terminate('stopped by the test');

        $failure = $this->resultFailure($handle->result(...));
        $this->assertInstanceOf(TerminatedFailure::class, $failure);
        $this->assertSame('stopped by the test', $failure->getMessage());
        $this->assertSame(WorkflowExecutionStatus::Terminated, $handle->describe()->getStatus());
    }

    /** @param callable(?string, ?float): mixed $result */
    private function resultFailure(callable $result): \Throwable
    {
        try {
            $result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        } catch (WorkflowFailedException $e) {
            return $e->getFailure();
        }
        $this->fail('result() returned instead of throwing WorkflowFailedException');
    }
}
