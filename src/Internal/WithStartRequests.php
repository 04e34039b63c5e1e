<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution as WorkflowExecutionMessage;
use TrueAsync\Temporal\Api\Update\V1\Request;
use TrueAsync\Temporal\Api\Update\V1\WaitPolicy;
use TrueAsync\Temporal\Api\Workflowservice\V1\ExecuteMultiOperationRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ExecuteMultiOperationRequest\Operation;
use TrueAsync\Temporal\Api\Workflowservice\V1\SignalWithStartWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\UpdateWorkflowExecutionRequest;
use TrueAsync\Temporal\Client\UpdateWaitStage;

/**
 * Builds the signal-with-start and update-with-start requests from a start request, so every start option
 * has one place (StartRequestFactory).
 *
 * @internal
 */
final class WithStartRequests
{
    /** The start fields SignalWithStartWorkflowExecutionRequest shares with StartWorkflowExecutionRequest. */
    private const SHARED_FIELDS = [
        'Namespace', 'WorkflowId', 'WorkflowType', 'TaskQueue', 'Input', 'WorkflowExecutionTimeout',
        'WorkflowRunTimeout', 'WorkflowTaskTimeout', 'Identity', 'RequestId', 'WorkflowIdReusePolicy',
        'WorkflowIdConflictPolicy', 'RetryPolicy', 'CronSchedule', 'Memo', 'SearchAttributes', 'Header',
        'WorkflowStartDelay', 'UserMetadata',
    ];

    public static function signalWithStart(
        StartWorkflowExecutionRequest $start,
        string $signalName,
        ?Payloads $signalInput,
    ): SignalWithStartWorkflowExecutionRequest {
        $request = new SignalWithStartWorkflowExecutionRequest(['signal_name' => $signalName]);
        $request->setSignalInput($signalInput);
        foreach (self::SHARED_FIELDS as $field) {
            $request->{"set$field"}($start->{"get$field"}());
        }
        return $request;
    }

    public static function updateWithStart(
        StartWorkflowExecutionRequest $start,
        Request $update,
        UpdateWaitStage $stage,
    ): ExecuteMultiOperationRequest {
        $updateRequest = new UpdateWorkflowExecutionRequest([
            'namespace' => $start->getNamespace(),
            'workflow_execution' => new WorkflowExecutionMessage([
                'workflow_id' => $start->getWorkflowId(),
            ]),
            'wait_policy' => new WaitPolicy(['lifecycle_stage' => $stage->value]),
            'request' => $update,
        ]);
        return new ExecuteMultiOperationRequest([
            'namespace' => $start->getNamespace(),
            'operations' => [
                new Operation(['start_workflow' => $start]),
                new Operation(['update_workflow' => $updateRequest]),
            ],
        ]);
    }
}
