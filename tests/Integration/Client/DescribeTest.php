<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class DescribeTest extends ServerTestCase
{
    public function testDescribeReportsARunningWorkflowThenItsCompletion(): void
    {
        $handle = self::startWorkflow('SignalQueryWorkflow');

        $running = $handle->describe();
        $this->assertSame(WorkflowExecutionStatus::Running, $running->getStatus());
        $this->assertFalse($running->getStatus()->isClosed());
        $this->assertSame('SignalQueryWorkflow', $running->getWorkflowType());
        $this->assertSame(self::taskQueue(), $running->getTaskQueue());
        $this->assertSame($handle->getId(), $running->getExecution()->getWorkflowId());
        $this->assertSame($handle->getRunId(), $running->getExecution()->getRunId());
        $this->assertEqualsWithDelta(time(), $running->getStartTime()?->getTimestamp(), 60);
        $this->assertNull($running->getCloseTime());
        $this->assertGreaterThanOrEqual(2, $running->getHistoryLength());

        $handle->signal('finish');
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $completed = $handle->describe();
        $this->assertSame(WorkflowExecutionStatus::Completed, $completed->getStatus());
        $this->assertTrue($completed->getStatus()->isClosed());
        $this->assertNotNull($completed->getCloseTime());
        $this->assertGreaterThanOrEqual($running->getStartTime(), $completed->getCloseTime());
        $this->assertGreaterThan($running->getHistoryLength(), $completed->getHistoryLength());
    }
}
