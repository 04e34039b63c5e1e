<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\WorkflowType;
use TrueAsync\Temporal\Api\Enums\V1\TaskQueueKind;
use TrueAsync\Temporal\Api\Sdk\V1\UserMetadata;
use TrueAsync\Temporal\Api\Taskqueue\V1\TaskQueue;
use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionRequest;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;

/**
 * Builds the StartWorkflowExecution request from WorkflowOptions: one place per option.
 *
 * @internal
 */
final class StartRequestFactory
{
    /**
     * @param ?DataConverter $converter encodes the memo and the static summary and details
     * @throws \ValueError the options have no task queue, or the workflow type is empty
     * @throws DataConverterException a memo value cannot be encoded
     */
    public static function create(
        string $namespace,
        string $identity,
        string $workflowType,
        ?Payloads $input,
        WorkflowOptions $options,
        ?DataConverter $converter = null,
    ): StartWorkflowExecutionRequest {
        if ($workflowType === '') {
            throw new \ValueError('Client::start(): $workflowType must not be empty');
        }
        Utf8::check($workflowType, 'Client::start(): the workflow type');
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
            'workflow_id_reuse_policy' => $options->getIdReusePolicy()->value,
            'workflow_id_conflict_policy' => $options->getIdConflictPolicy()->value,
            'cron_schedule' => $options->getCronSchedule(),
            'request_eager_execution' => $options->isEagerStart(),
        ]);
        $request->setInput($input);
        self::setTimeouts($request, $options);
        self::setAttachments($request, $options, $converter ?? DataConverter::default());
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
        if ($options->getStartDelay() > 0) {
            if ($options->isEagerStart()) {
                // The server refuses the pair; say so before the call, naming both options.
                throw new \ValueError('WorkflowOptions: withEagerStart() cannot be combined with withStartDelay()');
            }
            $request->setWorkflowStartDelay(ProtoTime::toDuration($options->getStartDelay()));
        }
    }

    private static function setAttachments(
        StartWorkflowExecutionRequest $request,
        WorkflowOptions $options,
        DataConverter $converter,
    ): void {
        $request->setRetryPolicy($options->getRetryPolicy()?->toMessage());
        $request->setVersioningOverride($options->getVersioningOverride()?->toMessage());
        if ($options->getMemo() !== []) {
            $request->setMemo(self::memo($options->getMemo(), $converter));
        }
        if ($options->getSearchAttributes() !== null) {
            $request->setSearchAttributes(SearchAttributeCodec::toMessage($options->getSearchAttributes()));
        }
        $summary = $options->getStaticSummary();
        $details = $options->getStaticDetails();
        if ($summary !== null || $details !== null) {
            $metadata = new UserMetadata();
            $metadata->setSummary($summary === null ? null : $converter->toPayload($summary, 'static summary'));
            $metadata->setDetails($details === null ? null : $converter->toPayload($details, 'static details'));
            $request->setUserMetadata($metadata);
        }
    }

    /** @param array<string, mixed> $memo */
    public static function memo(array $memo, DataConverter $converter): Memo
    {
        $fields = [];
        foreach ($memo as $name => $value) {
            $fields[(string) $name] = $converter->toPayload($value, "memo field \"$name\"");
        }
        return new Memo(['fields' => $fields]);
    }
}
