<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\Common\NamespacedWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelSignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelExternalWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\SignalExternalWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\CancelExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\SignalExternalWorkflowInput;

/**
 * Signals and cancellation requests to other workflows (children included): each adds its command and
 * waits until the core says whether it was delivered.
 *
 * @internal
 */
final class ExternalWorkflows
{
    public function __construct(private readonly WorkflowRun $run)
    {
    }

    /** @throws TemporalFailure the signal could not be delivered (no such workflow, …) */
    public function signal(SignalExternalWorkflowInput $input): void
    {
        $this->run->throwIfCancelled();
        $seq = $this->run->nextSequence('external_signal');
        $this->run->command(new WorkflowCommand(['signal_external_workflow_execution' => new SignalExternalWorkflowExecution([
            'seq' => $seq,
            'workflow_execution' => $this->execution($input->workflowId, $input->runId),
            'signal_name' => $input->signalName,
            'args' => iterator_to_array($this->run->converter->toPayloads($input->args)->getPayloads(), false),
            'headers' => $input->header->toMessage(),
        ])]));
        $this->run->suspend('external_signal', $seq, fn (?Failure $failure) => $this->throwIfFailed($failure),
            function () use ($seq): bool {
                // The core resolves it as cancelled if it was not sent yet; a sent signal stays sent.
                $this->run->command(new WorkflowCommand(['cancel_signal_workflow' => new CancelSignalWorkflow(['seq' => $seq])]));
                return true;
            });
    }

    /** @throws TemporalFailure the cancellation could not be requested (no such workflow, …) */
    public function cancel(CancelExternalWorkflowInput $input): void
    {
        $this->run->throwIfCancelled();
        $seq = $this->run->nextSequence('external_cancel');
        $this->run->command(new WorkflowCommand(['request_cancel_external_workflow_execution' =>
            new RequestCancelExternalWorkflowExecution([
                'seq' => $seq,
                'workflow_execution' => $this->execution($input->workflowId, $input->runId),
                'reason' => $input->reason,
            ])]));
        // Once requested, a cancellation cannot be taken back: this wait ends only when the core resolves it.
        $this->run->suspend('external_cancel', $seq, fn (?Failure $failure) => $this->throwIfFailed($failure));
    }

    private function execution(string $workflowId, ?string $runId): NamespacedWorkflowExecution
    {
        return new NamespacedWorkflowExecution(['namespace' => $this->run->info->namespace,
            'workflow_id' => $workflowId, 'run_id' => $runId ?? '']);
    }

    /** @throws TemporalFailure */
    private function throwIfFailed(?Failure $failure): void
    {
        if ($failure !== null) {
            throw $this->run->converter->getFailureConverter()->toException($failure, $this->run->converter);
        }
    }
}
