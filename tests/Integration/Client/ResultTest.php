<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Exception\WorkflowResultTimeoutException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class ResultTest extends ServerTestCase
{
    public function testResultReturnsTheArgumentsEchoedByThePythonWorkflow(): void
    {
        $args = [42, 'text ü', 1.5, true, null, ['a' => 1, 'list' => [1, 2, 3]], []];

        $handle = self::startWorkflow('EchoWorkflow', $args);

        $this->assertNotNull($handle->getRunId());
        $this->assertSame($args, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testResultOfAWorkflowStartedWithoutArgumentsIsAnEmptyList(): void
    {
        $this->assertSame([], self::startWorkflow('EchoWorkflow')->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testResultThrowsWorkflowFailedExceptionCausedByTheApplicationFailure(): void
    {
        $handle = self::startWorkflow('FailingWorkflow', ['it broke']);

        try {
            $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
            $this->fail('result() returned for a failed workflow');
        } catch (WorkflowFailedException $e) {
            $failure = $e->getPrevious();
            $this->assertInstanceOf(ApplicationFailure::class, $failure);
            $this->assertSame($failure, $e->getFailure());
            $this->assertSame('MyError', $failure->getType());
            $this->assertSame('it broke', $failure->getMessage());
            $this->assertSame(['detail-1', 42], $failure->getDetails());
            $this->assertTrue($failure->isNonRetryable());
            $this->assertSame('FailingWorkflow', $e->getWorkflowType());
            $this->assertSame($handle->getId(), $e->getExecution()->getWorkflowId());
            $this->assertSame($handle->getRunId(), $e->getExecution()->getRunId());
        }
    }

    public function testResultWithATimeoutThrowsWorkflowResultTimeoutExceptionWhenTheWorkflowStaysOpen(): void
    {
        $handle = self::startWorkflow('LongWorkflow');
        try {
            $started = hrtime(true);
            try {
                $handle->result(timeoutSeconds: 0.7);
                $this->fail('result() returned for a workflow that sleeps an hour');
            } catch (WorkflowResultTimeoutException $e) {
                $elapsed = (hrtime(true) - $started) / 1e9;
                $this->assertGreaterThanOrEqual(0.7, $elapsed);
                $this->assertLessThan(5.0, $elapsed);
                $this->assertStringContainsString($handle->getId(), $e->getMessage());
            }
        } finally {
            $handle->terminate('test done');
        }
    }
}
