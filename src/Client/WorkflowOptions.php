<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * How Client::start() starts a workflow: its id, task queue, timeouts, retry policy, id policies, memo,
 * search attributes, cron schedule, start delay and UI summary. Immutable: every with*() returns a copy.
 * Timeouts are a \DateInterval or a number of seconds; 0 or unset leaves the server's default.
 */
final class WorkflowOptions
{
    private ?string $workflowId = null;
    private ?string $taskQueue = null;
    private float $workflowExecutionTimeout = 0.0;
    private float $workflowRunTimeout = 0.0;
    private float $workflowTaskTimeout = 0.0;
    private ?RetryPolicy $retryPolicy = null;
    private WorkflowIdReusePolicy $idReusePolicy = WorkflowIdReusePolicy::Unspecified;
    private WorkflowIdConflictPolicy $idConflictPolicy = WorkflowIdConflictPolicy::Unspecified;
    /** @var array<string, mixed> */
    private array $memo = [];
    private ?SearchAttributes $searchAttributes = null;
    private string $cronSchedule = '';
    private float $startDelay = 0.0;
    private ?string $staticSummary = null;
    private ?string $staticDetails = null;
    private bool $eagerStart = false;
    private ?VersioningOverride $versioningOverride = null;

    public static function new(): self
    {
        return new self();
    }

    /** The business id of the workflow; without one, start() picks a random UUID. */
    public function withWorkflowId(string $workflowId): self
    {
        $copy = clone $this;
        $copy->workflowId = Utf8::check($workflowId, 'WorkflowOptions::withWorkflowId(): the workflow id');
        return $copy;
    }

    /** The task queue the workflow's worker polls (required). */
    public function withTaskQueue(string $taskQueue): self
    {
        $copy = clone $this;
        $copy->taskQueue = Utf8::check($taskQueue, 'WorkflowOptions::withTaskQueue(): the task queue');
        return $copy;
    }

    /**
     * The limit on the whole execution, retries and continue-as-new included.
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowExecutionTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowExecutionTimeout = ProtoTime::seconds($timeout, 'WorkflowOptions::withWorkflowExecutionTimeout()');
        return $copy;
    }

    /**
     * The limit on a single run.
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowRunTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowRunTimeout = ProtoTime::seconds($timeout, 'WorkflowOptions::withWorkflowRunTimeout()');
        return $copy;
    }

    /**
     * The limit on one workflow task (the server defaults to 10 s).
     *
     * @throws \ValueError $timeout is negative
     */
    public function withWorkflowTaskTimeout(\DateInterval|int|float $timeout): self
    {
        $copy = clone $this;
        $copy->workflowTaskTimeout = ProtoTime::seconds($timeout, 'WorkflowOptions::withWorkflowTaskTimeout()');
        return $copy;
    }

    /** Retry the whole workflow on failure (workflows are not retried by default). */
    public function withRetryPolicy(?RetryPolicy $retryPolicy): self
    {
        return $this->with('retryPolicy', $retryPolicy);
    }

    /** Whether the id may be reused after an execution with it closed. */
    public function withIdReusePolicy(WorkflowIdReusePolicy $policy): self
    {
        return $this->with('idReusePolicy', $policy);
    }

    /** What to do when an execution with the id is running. */
    public function withIdConflictPolicy(WorkflowIdConflictPolicy $policy): self
    {
        return $this->with('idConflictPolicy', $policy);
    }

    /**
     * Values stored with the execution, not indexed; encoded by the client's data converter (codecs apply).
     *
     * @param array<string, mixed> $memo name => value
     */
    public function withMemo(array $memo): self
    {
        return $this->with('memo', $memo);
    }

    /** Indexed values to find the execution by (listWorkflows()); keys must be registered on the namespace. */
    public function withSearchAttributes(?SearchAttributes $attributes): self
    {
        return $this->with('searchAttributes', $attributes);
    }

    /** Run on this cron schedule ("0 * * * *"); '' for none. */
    public function withCronSchedule(string $cronSchedule): self
    {
        return $this->with('cronSchedule', $cronSchedule);
    }

    /**
     * Dispatch the first workflow task only after this delay.
     *
     * @throws \ValueError $delay is negative
     */
    public function withStartDelay(\DateInterval|int|float $delay): self
    {
        return $this->with('startDelay', ProtoTime::seconds($delay, 'WorkflowOptions::withStartDelay()'));
    }

    /**
     * Ask for eager start: when a worker for this task queue runs on the same connection (the client given to
     * WorkerFactory::create(), e.g. in an activity of that worker) and has a free workflow-task slot, the core
     * reserves the slot and the server hands the first workflow task back with the start's answer, so it runs
     * without a poll's round trip. Otherwise the start goes on as a normal one. Not with a start delay.
     */
    public function withEagerStart(bool $eager = true): self
    {
        return $this->with('eagerStart', $eager);
    }

    /** Runs it pinned to a Worker Deployment version, or auto-upgrading, whatever its code declares. */
    public function withVersioningOverride(?VersioningOverride $override): self
    {
        return $this->with('versioningOverride', $override);
    }

    public function getVersioningOverride(): ?VersioningOverride
    {
        return $this->versioningOverride;
    }

    /** A single-line summary the UI shows for the execution (encoded by the data converter). */
    public function withStaticSummary(?string $summary): self
    {
        return $this->with('staticSummary', $summary);
    }

    /** Longer details (Markdown) the UI shows for the execution (encoded by the data converter). */
    public function withStaticDetails(?string $details): self
    {
        return $this->with('staticDetails', $details);
    }

    public function getRetryPolicy(): ?RetryPolicy
    {
        return $this->retryPolicy;
    }

    public function getIdReusePolicy(): WorkflowIdReusePolicy
    {
        return $this->idReusePolicy;
    }

    public function getIdConflictPolicy(): WorkflowIdConflictPolicy
    {
        return $this->idConflictPolicy;
    }

    /** @return array<string, mixed> */
    public function getMemo(): array
    {
        return $this->memo;
    }

    public function getSearchAttributes(): ?SearchAttributes
    {
        return $this->searchAttributes;
    }

    public function getCronSchedule(): string
    {
        return $this->cronSchedule;
    }

    /** In seconds; 0 for none. */
    public function getStartDelay(): float
    {
        return $this->startDelay;
    }

    public function isEagerStart(): bool
    {
        return $this->eagerStart;
    }

    public function getStaticSummary(): ?string
    {
        return $this->staticSummary;
    }

    public function getStaticDetails(): ?string
    {
        return $this->staticDetails;
    }

    public function getWorkflowId(): ?string
    {
        return $this->workflowId;
    }

    public function getTaskQueue(): ?string
    {
        return $this->taskQueue;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowExecutionTimeout(): float
    {
        return $this->workflowExecutionTimeout;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowRunTimeout(): float
    {
        return $this->workflowRunTimeout;
    }

    /** In seconds; 0 means the server's default. */
    public function getWorkflowTaskTimeout(): float
    {
        return $this->workflowTaskTimeout;
    }

    private function with(string $property, mixed $value): self
    {
        $copy = clone $this;
        $copy->$property = $value;
        return $copy;
    }
}
