<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Enums\V1\TaskQueueKind;
use TrueAsync\Temporal\Api\Taskqueue\V1\TaskQueue;
use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionRequest;
use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * Builds the StartWorkflowExecution request from WorkflowOptions: one place per option.
 *
 * @internal
 */
final class StartRequestFactory
{
    /** @throws \ValueError the options have no task queue, or the workflow type is empty */
    public static function create(
        string $namespace,
        string $identity,
        string $workflowType,
        ?Payloads $input,
        WorkflowOptions $options,
    ): StartWorkflowExecutionRequest {
        if ($workflowType === '') {
            throw new \ValueError('Client::start(): $workflowType must not be empty');
        }
        $taskQueue = $options->getTaskQueue();
        if ($taskQueue === null || $taskQueue === '') {
            throw new \ValueError('Client::start(): WorkflowOptions has no task queue: call withTaskQueue()');
        }
        $request = new StartWorkflowExecutionRequest([
            'namespace' => $namespace,
            'workflow_id' => $options->getWorkflowId() ?? Uuid::v4(),
            'workflow_type' => new WorkflowType(['name' => $workflowType]),
            'task_queue' => new TaskQueue(['name' => $taskQueue, 'kind' => TaskQueueKind::TASK_QUEUE_KIND_NORMAL]),
            'identity' => $identity,
            'request_id' => Uuid::v4(),
        ]);
        $request->setInput($input);
        self::setTimeouts($request, $options);
        return $request;
    }

    private static function setTimeouts(StartWorkflowExecutionRequest $request, WorkflowOptions $options): void
    {
        if ($options->getWorkflowExecutionTimeout() > 0) {
            $request->setWorkflowExecutionTimeout(ProtoTime::toDuration($options->getWorkflowExecutionTimeout()));
        }
        if ($options->getWorkflowRunTimeout() > 0) {
            $request->setWorkflowRunTimeout(ProtoTime::toDuration($options->getWorkflowRunTimeout()));
        }
        if ($options->getWorkflowTaskTimeout() > 0) {
            $request->setWorkflowTaskTimeout(ProtoTime::toDuration($options->getWorkflowTaskTimeout()));
        }
    }
}
