<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

// Workflows that report Workflow::getInfo() as they see it.

#[WorkflowInterface]
final class InfoWorkflow
{
    /**
     * Input: {fail_attempts?: int (attempts that fail before one reports), memo?: fields to upsert first}.
     * Returns the info as plain values.
     */
    #[WorkflowMethod(name: 'PhpInfo')]
    public function run(array $input = []): array
    {
        $info = Workflow::getInfo();
        if ($info->attempt <= ($input['fail_attempts'] ?? 0)) {
            throw ApplicationFailure::create("attempt {$info->attempt} fails", 'InfoAttempt');
        }
        if (isset($input['memo'])) {
            Workflow::upsertMemo($input['memo']);
        }
        $execution = static fn (?WorkflowExecution $e): ?array
            => $e === null ? null : [$e->getWorkflowId(), $e->getRunId()];
        return [
            'workflowId' => $info->workflowId,
            'runId' => $info->runId,
            'attempt' => $info->attempt,
            'firstExecutionRunId' => $info->firstExecutionRunId,
            'continuedExecutionRunId' => $info->continuedExecutionRunId,
            'parentNamespace' => $info->parentNamespace,
            'parent' => $execution($info->parentWorkflowExecution),
            'root' => $execution($info->rootWorkflowExecution),
            'cronSchedule' => $info->cronSchedule,
            'retryMaximumAttempts' => $info->retryPolicy?->getMaximumAttempts(),
            'timeouts' => [$info->executionTimeout, $info->runTimeout, $info->taskTimeout],
            'startTime' => $info->startTime?->format(\DATE_RFC3339_EXTENDED),
            'runStartTime' => $info->runStartTime->format(\DATE_RFC3339_EXTENDED),
            'lastFailure' => $info->getLastFailure()?->getMessage(),
            'lastCompletionResult' => $info->getLastCompletionResult(),
            'memo' => $info->getMemo(),
            'historyLength' => $info->historyLength,
            'historySizeBytes' => $info->historySizeBytes,
        ];
    }
}

#[WorkflowInterface]
final class InfoParentWorkflow
{
    /** Runs PhpInfo as a child; returns what the child saw. */
    #[WorkflowMethod(name: 'PhpInfoParent')]
    public function run(): array
    {
        return Workflow::executeChildWorkflow('PhpInfo', [[]]);
    }
}
