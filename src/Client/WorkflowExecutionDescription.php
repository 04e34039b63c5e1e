<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Workflow\V1\WorkflowExecutionInfo;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkflowExecutionResponse;
use TrueAsync\Temporal\Client\Schedule\ScheduledBy;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/** What WorkflowHandle::describe() and Client::listWorkflows() tell about a workflow run. */
final class WorkflowExecutionDescription
{
    private ?SearchAttributes $searchAttributes = null;
    private ?string $staticSummary = null;
    private ?string $staticDetails = null;

    private function __construct(
        private WorkflowExecutionInfo $info,
        private DataConverter $converter,
        private string $taskQueue,
    ) {
    }

    /**
     * @internal
     * @throws DataConverterException the static summary or details cannot be decoded
     */
    public static function fromResponse(
        DescribeWorkflowExecutionResponse $response,
        ?DataConverter $converter = null,
    ): self {
        $info = $response->getWorkflowExecutionInfo() ?? new WorkflowExecutionInfo();
        $config = $response->getExecutionConfig();
        $converter ??= DataConverter::default();
        $description = new self($info, $converter, $config?->getTaskQueue()?->getName() ?: $info->getTaskQueue());
        $metadata = $config?->getUserMetadata();
        $summary = $metadata?->getSummary();
        $details = $metadata?->getDetails();
        $description->staticSummary = $summary === null ? null : $converter->fromPayload($summary, '?string');
        $description->staticDetails = $details === null ? null : $converter->fromPayload($details, '?string');
        return $description;
    }

    /** @internal one entry of a ListWorkflowExecutions response */
    public static function fromInfo(WorkflowExecutionInfo $info, DataConverter $converter): self
    {
        return new self($info, $converter, $info->getTaskQueue());
    }

    /** The workflow id and the run id described. */
    public function getExecution(): WorkflowExecution
    {
        $execution = $this->info->getExecution();
        return new WorkflowExecution((string) $execution?->getWorkflowId(), $execution?->getRunId() ?: null);
    }

    public function getWorkflowType(): string
    {
        return (string) $this->info->getType()?->getName();
    }

    public function getStatus(): WorkflowExecutionStatus
    {
        return WorkflowExecutionStatus::fromProto($this->info->getStatus());
    }

    public function getTaskQueue(): string
    {
        return $this->taskQueue;
    }

    public function getStartTime(): ?\DateTimeImmutable
    {
        return ProtoTime::toDateTime($this->info->getStartTime());
    }

    /** Null while the run is open. */
    public function getCloseTime(): ?\DateTimeImmutable
    {
        return ProtoTime::toDateTime($this->info->getCloseTime());
    }

    /** The number of events in the run's history. */
    public function getHistoryLength(): int
    {
        return (int) $this->info->getHistoryLength();
    }

    /**
     * The memo, each value decoded to its natural PHP value.
     *
     * @return array<string, mixed>
     * @throws DataConverterException a value cannot be decoded
     */
    public function getMemo(): array
    {
        $memo = [];
        foreach ($this->memoFields()->getFields() as $name => $payload) {
            $memo[$name] = $this->converter->fromPayload($payload);
        }
        return $memo;
    }

    /**
     * One memo value decoded into $type, or null when the memo has no such name.
     *
     * @throws DataConverterException the value cannot be decoded into $type
     */
    public function getMemoValue(string $name, ?string $type = null): mixed
    {
        $payload = $this->memoFields()->getFields()[$name] ?? null;
        return $payload === null ? null : $this->converter->fromPayload($payload, $type);
    }

    /** @throws DataConverterException a value cannot be decoded */
    public function getSearchAttributes(): SearchAttributes
    {
        return $this->searchAttributes ??= SearchAttributeCodec::fromMessage($this->info->getSearchAttributes());
    }

    /** The schedule that started this workflow and the time its action was due; null: not started by one. */
    public function getScheduledBy(): ?ScheduledBy
    {
        return ScheduledBy::fromSearchAttributes($this->getSearchAttributes());
    }

    /** The summary given at start (describe() only; null from listWorkflows() or when none was given). */
    public function getStaticSummary(): ?string
    {
        return $this->staticSummary;
    }

    /** The details given at start (describe() only). */
    public function getStaticDetails(): ?string
    {
        return $this->staticDetails;
    }

    private function memoFields(): Memo
    {
        return $this->info->getMemo() ?? new Memo();
    }
}
