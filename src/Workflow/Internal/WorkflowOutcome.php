<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CompleteWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\FailWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\NonDeterministicCallException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;

/**
 * The terminal command for a workflow method that returned or threw.
 *
 * @internal
 */
final class WorkflowOutcome
{
    public static function completed(mixed $result, DataConverter $converter): WorkflowCommand
    {
        $payload = $converter->toPayloads([$result], 'result')->getPayloads()[0];
        return new WorkflowCommand([
            'complete_workflow_execution' => new CompleteWorkflowExecution(['result' => $payload]),
        ]);
    }

    /**
     * A Temporal failure (or an exception of a type the worker was told to treat as one) fails the workflow;
     * anything else is a bug to fix, so it fails the workflow task (rethrown), and the server retries the
     * task until a fixed worker runs it.
     *
     * @param list<class-string<\Throwable>> $failureTypes
     * @throws \Throwable $error when it fails the task
     */
    public static function failed(\Throwable $error, DataConverter $converter, bool $cancelRequested, array $failureTypes = []): WorkflowCommand
    {
        if (!self::failsWorkflow($error, $failureTypes)) {
            throw $error;
        }
        if ($cancelRequested && self::isCancellation($error)) {
            return new WorkflowCommand(['cancel_workflow_execution' => new CancelWorkflowExecution()]);
        }
        $failure = $converter->getFailureConverter()->toFailure($error, $converter);
        return new WorkflowCommand(['fail_workflow_execution' => new FailWorkflowExecution(['failure' => $failure])]);
    }

    /**
     * Whether $error fails the workflow (or an update) rather than the workflow task: a TemporalFailure or a
     * configured type, never a determinism-guard violation.
     *
     * @param list<class-string<\Throwable>> $failureTypes
     */
    public static function failsWorkflow(\Throwable $error, array $failureTypes): bool
    {
        if ($error instanceof NonDeterministicCallException || $error instanceof DeadlockException) {
            return false;
        }
        return $error instanceof TemporalFailure || self::isOneOf($error, $failureTypes);
    }

    /** @param list<class-string<\Throwable>> $types */
    private static function isOneOf(\Throwable $error, array $types): bool
    {
        foreach ($types as $type) {
            if ($error instanceof $type) {
                return true;
            }
        }
        return false;
    }

    /** A cancellation, or an activity/child failure caused by one, lets the workflow end as cancelled. */
    private static function isCancellation(\Throwable $error): bool
    {
        for (; $error !== null; $error = $error->getPrevious()) {
            if ($error instanceof CanceledFailure) {
                return true;
            }
        }
        return false;
    }
}
