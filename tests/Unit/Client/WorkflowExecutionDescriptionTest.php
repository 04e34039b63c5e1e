<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use Google\Protobuf\Timestamp;
use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution as WorkflowExecutionMessage;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Enums\V1\WorkflowExecutionStatus as StatusProto;
use TrueAsync\Temporal\Api\Taskqueue\V1\TaskQueue;
use TrueAsync\Temporal\Api\Workflow\V1\WorkflowExecutionConfig;
use TrueAsync\Temporal\Api\Workflow\V1\WorkflowExecutionInfo;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkflowExecutionResponse;
use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;

final class WorkflowExecutionDescriptionTest extends TestCase
{
    public function testFromResponseReadsTheExecutionInfo(): void
    {
        $response = new DescribeWorkflowExecutionResponse([
            'execution_config' => new WorkflowExecutionConfig(['task_queue' => new TaskQueue(['name' => 'orders'])]),
            'workflow_execution_info' => new WorkflowExecutionInfo([
                'execution' => new WorkflowExecutionMessage(['workflow_id' => 'wf', 'run_id' => 'run']),
                'type' => new WorkflowType(['name' => 'OrderWorkflow']),
                'status' => StatusProto::WORKFLOW_EXECUTION_STATUS_TERMINATED,
                'start_time' => new Timestamp(['seconds' => 100]),
                'close_time' => new Timestamp(['seconds' => 160]),
                'history_length' => 7,
            ]),
        ]);

        $description = WorkflowExecutionDescription::fromResponse($response);

        $this->assertSame('wf', $description->getExecution()->getWorkflowId());
        $this->assertSame('run', $description->getExecution()->getRunId());
        $this->assertSame('OrderWorkflow', $description->getWorkflowType());
        $this->assertSame(WorkflowExecutionStatus::Terminated, $description->getStatus());
        $this->assertTrue($description->getStatus()->isClosed());
        $this->assertSame('orders', $description->getTaskQueue());
        $this->assertSame(100, $description->getStartTime()?->getTimestamp());
        $this->assertSame(160, $description->getCloseTime()?->getTimestamp());
        $this->assertSame(7, $description->getHistoryLength());
    }

    public function testAStatusFromANewerServerReadsAsUnspecified(): void
    {
        $this->assertSame(WorkflowExecutionStatus::Unspecified, WorkflowExecutionStatus::fromProto(99));
        $this->assertFalse(WorkflowExecutionStatus::Running->isClosed());
    }
}
