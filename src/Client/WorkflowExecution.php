<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution as WorkflowExecutionMessage;
use TrueAsync\Temporal\Internal\Utf8;

/** Names a workflow execution: its workflow id and, optionally, one run (null: the latest run). */
final class WorkflowExecution implements \Stringable
{
    /** @throws \ValueError an id is not valid UTF-8 */
    public function __construct(private string $workflowId, private ?string $runId = null)
    {
        Utf8::check($workflowId, 'WorkflowExecution: the workflow id');
        Utf8::checkOptional($runId, 'WorkflowExecution: the run id');
    }

    public function getWorkflowId(): string
    {
        return $this->workflowId;
    }

    /** The run id, or null for the latest run of the workflow id. */
    public function getRunId(): ?string
    {
        return $this->runId;
    }

    /** @internal */
    public function toMessage(): WorkflowExecutionMessage
    {
        return new WorkflowExecutionMessage(['workflow_id' => $this->workflowId, 'run_id' => $this->runId ?? '']);
    }

    /** "id" or "id/run-id", for messages. */
    public function __toString(): string
    {
        return $this->runId === null ? "\"$this->workflowId\"" : "\"$this->workflowId\" (run $this->runId)";
    }
}
