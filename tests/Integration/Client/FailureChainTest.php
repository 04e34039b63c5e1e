<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\Failure\ActivityFailure;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\ChildWorkflowFailure;
use TrueAsync\Temporal\Exception\Failure\RetryState;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** Failure chains raised by workflows and activities of the Python SDK, as result() reports them. */
final class FailureChainTest extends ServerTestCase
{
    public function testAnActivityFailureCarriesTheActivitysApplicationFailure(): void
    {
        $failure = $this->failureOf(self::startWorkflow('ActivityFailingWorkflow', ['declined']));

        $this->assertInstanceOf(ActivityFailure::class, $failure);
        $this->assertSame('failing_activity', $failure->getActivityType());
        $this->assertSame(RetryState::NonRetryableFailure, $failure->getRetryState());
        $this->assertGreaterThan(0, $failure->getScheduledEventId());
        $cause = $failure->getPrevious();
        $this->assertInstanceOf(ApplicationFailure::class, $cause);
        $this->assertSame(['declined', 'CardError', true, ['card']], [
            $cause->getMessage(),
            $cause->getType(),
            $cause->isNonRetryable(),
            $cause->getDetails(),
        ]);
        $this->assertStringContainsString('failing_activity', $cause->getOriginalStackTrace());
    }

    public function testAChildWorkflowFailureNamesTheChildAndCarriesItsFailure(): void
    {
        $handle = self::startWorkflow('ChildFailingWorkflow', ['child broke']);

        $failure = $this->failureOf($handle);

        $this->assertInstanceOf(ChildWorkflowFailure::class, $failure);
        $this->assertSame('FailingWorkflow', $failure->getWorkflowType());
        $this->assertSame($handle->getId() . '-child', $failure->getExecution()->getWorkflowId());
        $this->assertNotNull($failure->getExecution()->getRunId());
        $this->assertSame('default', $failure->getNamespace());
        $cause = $failure->getPrevious();
        $this->assertInstanceOf(ApplicationFailure::class, $cause);
        $this->assertSame(['child broke', 'MyError', ['detail-1', 42]], [
            $cause->getMessage(),
            $cause->getType(),
            $cause->getDetails(),
        ]);
    }

    public function testFailuresWithEncodedCommonAttributesDecodeToTheirMessageAndStackTrace(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue(self::encodedTaskQueue());
        $handle = self::startWorkflow('ActivityFailingWorkflow', ['secret reason'], $options);

        $failure = $this->failureOf($handle);

        $this->assertInstanceOf(ActivityFailure::class, $failure);
        $cause = $failure->getPrevious();
        $this->assertInstanceOf(ApplicationFailure::class, $cause);
        $this->assertSame('secret reason', $cause->getMessage());
        $this->assertSame('CardError', $cause->getType());
        $this->assertStringContainsString('failing_activity', $cause->getOriginalStackTrace());
    }

    private function failureOf(WorkflowHandle $handle): TemporalFailure
    {
        try {
            $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        } catch (WorkflowFailedException $e) {
            return $e->getFailure();
        }
        $this->fail('result() returned for a failed workflow');
    }
}
