<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\ChildWorkflow\ChildWorkflowResult;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveChildWorkflowExecutionStart;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelChildWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\StartChildWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\StartChildWorkflowInput;

/**
 * Starting child workflows and waiting for their results: two resolutions share one sequence number.
 *
 * @internal
 */
final class ChildWorkflows
{
    public function __construct(private readonly WorkflowRun $run)
    {
    }

    /**
     * Starts the child and waits until it has started.
     *
     * @throws TemporalFailure the child could not start (its id is taken, or the start was cancelled)
     */
    public function start(StartChildWorkflowInput $input): ChildWorkflowHandle
    {
        $this->run->throwIfCancelled();
        $seq = $this->run->nextSequence('child');
        $workflowId = $input->options->getWorkflowId() ?? $this->run->context->uuid4();
        $this->run->command(new WorkflowCommand(['start_child_workflow_execution' => $this->startCommand($seq, $workflowId, $input)]));
        $runId = $this->run->suspend('child_start', $seq,
            fn (ResolveChildWorkflowExecutionStart $r) => $this->started($r, $workflowId, $input->workflowType), $this->canceller($seq));
        return new ChildWorkflowHandle($this, $seq, $workflowId, $runId, $input->returnType);
    }

    /**
     * Waits for the child of $seq to close. In a cancelled scope, the child is asked to cancel as the wait
     * starts, and the wait ends as the child's cancellation type says.
     *
     * @throws TemporalFailure the child failed, was cancelled, terminated or timed out
     */
    public function result(int $seq, ?string $returnType): mixed
    {
        return $this->run->suspend('child', $seq, fn (ChildWorkflowResult $r) => $this->decodeResult($r, $returnType), $this->canceller($seq));
    }

    /** Cancelling a wait on the child asks the core to cancel the child; the wait goes on until it resolves. */
    private function canceller(int $seq): \Closure
    {
        return function () use ($seq): bool {
            $this->run->command(new WorkflowCommand(['cancel_child_workflow_execution' =>
                new CancelChildWorkflowExecution(['child_workflow_seq' => $seq, 'reason' => 'cancelled by its parent'])]));
            return true;
        };
    }

    private function startCommand(int $seq, string $workflowId, StartChildWorkflowInput $input): StartChildWorkflowExecution
    {
        $options = $input->options;
        $command = new StartChildWorkflowExecution([
            'seq' => $seq,
            'namespace' => $this->run->info->namespace,
            'workflow_id' => $workflowId,
            'workflow_type' => $input->workflowType,
            'task_queue' => $options->getTaskQueue() ?? $this->run->info->taskQueue,
            'input' => iterator_to_array($this->run->converter->toPayloads($input->args)->getPayloads(), false),
            'headers' => $input->header->toMessage(),
            'parent_close_policy' => $options->getParentClosePolicy()->value,
            'cancellation_type' => $options->getCancellationType()->value,
        ]);
        [$execution, $run, $task] = $options->getTimeouts();
        foreach (['setWorkflowExecutionTimeout' => $execution, 'setWorkflowRunTimeout' => $run, 'setWorkflowTaskTimeout' => $task] as $setter => $seconds) {
            if ($seconds > 0) {
                $command->$setter(ProtoTime::toDuration($seconds));
            }
        }
        if ($options->getRetryPolicy() !== null) {
            $command->setRetryPolicy($options->getRetryPolicy()->toMessage());
        }
        return $command;
    }

    /** @throws TemporalFailure */
    private function started(ResolveChildWorkflowExecutionStart $resolution, string $workflowId, string $type): string
    {
        $converter = $this->run->converter;
        return match ($resolution->getStatus()) {
            'succeeded' => $resolution->getSucceeded()->getRunId(),
            'cancelled' => throw $converter->getFailureConverter()->toException($resolution->getCancelled()->getFailure(), $converter),
            default => throw ApplicationFailure::create(
                "child workflow $type with id $workflowId could not start: a workflow with that id already exists",
                'ChildWorkflowAlreadyStarted',
                nonRetryable: true,
            ),
        };
    }

    /** @throws TemporalFailure */
    private function decodeResult(ChildWorkflowResult $result, ?string $returnType): mixed
    {
        $converter = $this->run->converter;
        return match ($result->getStatus()) {
            'completed' => $converter->fromPayloads(
                new Payloads(['payloads' => array_filter([$result->getCompleted()->getResult()])]),
                [$returnType],
            )[0] ?? null,
            'failed' => throw $converter->getFailureConverter()->toException($result->getFailed()->getFailure(), $converter),
            default => throw $converter->getFailureConverter()->toException($result->getCancelled()->getFailure(), $converter),
        };
    }
}
