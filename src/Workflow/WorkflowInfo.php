<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;

/** Facts about the running workflow, from the activation that started it (and the latest activation). */
final class WorkflowInfo
{
    public int $historyLength = 0;
    public bool $continueAsNewSuggested = false;

    private function __construct(
        public readonly string $namespace,
        public readonly string $taskQueue,
        public readonly string $workflowType,
        public readonly string $workflowId,
        public readonly string $runId,
        public readonly int $attempt,
        public readonly string $firstExecutionRunId,
    ) {
    }

    /** @internal */
    public static function fromInitialize(InitializeWorkflow $init, string $runId, string $namespace, string $taskQueue): self
    {
        return new self(
            $namespace,
            $taskQueue,
            $init->getWorkflowType(),
            $init->getWorkflowId(),
            $runId,
            $init->getAttempt(),
            $init->getFirstExecutionRunId(),
        );
    }
}
