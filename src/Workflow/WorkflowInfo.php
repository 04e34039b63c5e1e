<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * Facts about the running workflow, from the activation that started it; the history length, the
 * continue-as-new suggestion, the search attributes and the memo stay current as the run goes on (its own
 * upserts included), so they agree with what the server describes once the task completes.
 */
final class WorkflowInfo
{
    public int $historyLength = 0;
    public int $historySizeBytes = 0;
    public bool $continueAsNewSuggested = false;
    /** The run's search attributes: from its start, then its own upserts. Replace it only through an upsert. */
    public SearchAttributes $searchAttributes;
    /** @var array<string, Payload> the memo as encoded, decoded on demand by getMemo() */
    private array $memoFields = [];

    private function __construct(
        public readonly string $namespace,
        public readonly string $taskQueue,
        public readonly string $workflowType,
        public readonly string $workflowId,
        public readonly string $runId,
        /** 1 for the first attempt; retries (retry policy, cron) count up. */
        public readonly int $attempt,
        public readonly string $firstExecutionRunId,
        /** The run this one continued from (continue-as-new, retry, cron), or null for a first run. */
        public readonly ?string $continuedExecutionRunId,
        public readonly ?string $parentNamespace,
        public readonly ?WorkflowExecution $parentWorkflowExecution,
        /** The top of the chain of parents (this workflow itself has none: null). */
        public readonly ?WorkflowExecution $rootWorkflowExecution,
        public readonly ?string $cronSchedule,
        public readonly ?RetryPolicy $retryPolicy,
        /** In seconds; null: not set (no limit). */
        public readonly ?float $executionTimeout,
        public readonly ?float $runTimeout,
        public readonly ?float $taskTimeout,
        /** When the workflow execution started, as the server recorded it. */
        public readonly ?\DateTimeImmutable $startTime,
        /** When this run's first workflow task started: the time of its first activation. */
        public readonly \DateTimeImmutable $runStartTime,
        /** The priority key the run was started with; 0: the default. */
        public readonly int $priorityKey,
        private readonly InitializeWorkflow $init,
        private readonly DataConverter $converter,
    ) {
        $this->searchAttributes = SearchAttributeCodec::fromMessage($init->getSearchAttributes());
        foreach ($init->getMemo()?->getFields() ?? [] as $name => $payload) {
            $this->memoFields[(string) $name] = $payload;
        }
    }

    /** @internal */
    public static function fromInitialize(
        InitializeWorkflow $init,
        string $runId,
        string $namespace,
        string $taskQueue,
        \DateTimeImmutable $runStartTime,
        DataConverter $converter,
    ): self {
        $parent = $init->getParentWorkflowInfo();
        $root = $init->getRootWorkflow();
        return new self(
            $namespace,
            $taskQueue,
            $init->getWorkflowType(),
            $init->getWorkflowId(),
            $runId,
            $init->getAttempt(),
            $init->getFirstExecutionRunId(),
            self::nonEmpty($init->getContinuedFromExecutionRunId()),
            $parent === null ? null : $parent->getNamespace(),
            $parent === null ? null : new WorkflowExecution($parent->getWorkflowId(), $parent->getRunId()),
            $root === null ? null : new WorkflowExecution($root->getWorkflowId(), $root->getRunId()),
            self::nonEmpty($init->getCronSchedule()),
            $init->getRetryPolicy() === null ? null : RetryPolicy::fromMessage($init->getRetryPolicy()),
            self::seconds($init->getWorkflowExecutionTimeout()),
            self::seconds($init->getWorkflowRunTimeout()),
            self::seconds($init->getWorkflowTaskTimeout()),
            ProtoTime::toDateTime($init->getStartTime()),
            $runStartTime,
            (int) $init->getPriority()?->getPriorityKey(),
            $init,
            $converter,
        );
    }

    /**
     * The memo, each value decoded to its natural PHP value (the run's own upserts included).
     *
     * @return array<string, mixed>
     * @throws DataConverterException a value cannot be decoded
     */
    public function getMemo(): array
    {
        return array_map(fn (Payload $payload): mixed => $this->converter->fromPayload($payload), $this->memoFields);
    }

    /**
     * One memo value decoded into $type, or null when the memo has no such name.
     *
     * @throws DataConverterException the value cannot be decoded into $type
     */
    public function getMemoValue(string $name, ?string $type = null): mixed
    {
        $payload = $this->memoFields[$name] ?? null;
        return $payload === null ? null : $this->converter->fromPayload($payload, $type);
    }

    /**
     * The result of the previous run of a cron workflow or a schedule's action, or null when there is none.
     *
     * @throws DataConverterException the result cannot be decoded into $type
     */
    public function getLastCompletionResult(?string $type = null): mixed
    {
        $payloads = $this->init->getLastCompletionResult();
        if ($payloads === null || \count($payloads->getPayloads()) === 0) {
            return null;
        }
        return $this->converter->fromPayload($payloads->getPayloads()[0], $type);
    }

    /** Why the previous attempt or cron run failed (retries, cron, schedules), or null when it did not. */
    public function getLastFailure(): ?TemporalFailure
    {
        $failure = $this->init->getContinuedFailure();
        if ($failure === null) {
            return null;
        }
        return $this->converter->getFailureConverter()->toException($failure, $this->converter);
    }

    /**
     * @internal the run's own upsertMemo(): the same fields the command carries
     * @param array<string, Payload> $fields
     */
    public function upsertMemo(array $fields): void
    {
        $this->memoFields = array_replace($this->memoFields, $fields);
    }

    private static function nonEmpty(string $value): ?string
    {
        return $value === '' ? null : $value;
    }

    private static function seconds(?\Google\Protobuf\Duration $duration): ?float
    {
        return $duration === null ? null : ProtoTime::durationSeconds($duration);
    }
}
