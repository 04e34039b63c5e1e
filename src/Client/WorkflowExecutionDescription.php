<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkflowExecutionResponse;
use TrueAsync\Temporal\Internal\ProtoTime;

/** What WorkflowHandle::describe() tells about a workflow run. */
final class WorkflowExecutionDescription
{
    private function __construct(
        private WorkflowExecution $execution,
        private string $workflowType,
        private WorkflowExecutionStatus $status,
        private string $taskQueue,
        private ?\DateTimeImmutable $startTime,
        private ?\DateTimeImmutable $closeTime,
        private int $historyLength,
    ) {
    }

    /** @internal */
    public static function fromResponse(DescribeWorkflowExecutionResponse $response): self
    {
        $info = $response->getWorkflowExecutionInfo();
        $execution = $info?->getExecution();
        return new self(
            new WorkflowExecution((string) $execution?->getWorkflowId(), $execution?->getRunId() ?: null),
            (string) $info?->getType()?->getName(),
            WorkflowExecutionStatus::fromProto((int) $info?->getStatus()),
            $response->getExecutionConfig()?->getTaskQueue()?->getName() ?: (string) $info?->getTaskQueue(),
            ProtoTime::toDateTime($info?->getStartTime()),
            ProtoTime::toDateTime($info?->getCloseTime()),
            (int) $info?->getHistoryLength(),
        );
    }

    /** The workflow id and the run id described. */
    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    public function getWorkflowType(): string
    {
        return $this->workflowType;
    }

    public function getStatus(): WorkflowExecutionStatus
    {
        return $this->status;
    }

    public function getTaskQueue(): string
    {
        return $this->taskQueue;
    }

    public function getStartTime(): ?\DateTimeImmutable
    {
        return $this->startTime;
    }

    /** Null while the run is open. */
    public function getCloseTime(): ?\DateTimeImmutable
    {
        return $this->closeTime;
    }

    /** The number of events in the run's history. */
    public function getHistoryLength(): int
    {
        return $this->historyLength;
    }
}
