<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;

/** The eventual result of a Workflow::async() branch. Waiting on it is deterministic, like every wait. */
final class Future
{
    private bool $done = false;
    private mixed $value = null;
    private ?\Throwable $error = null;

    /** @internal @param \Closure(): void $cancel cancels the branch's scope */
    public function __construct(private readonly \Closure $cancel)
    {
    }

    /**
     * Cancels the branch: its timers and waits end with a CanceledFailure, its activities are asked to cancel
     * (and end as an ActivityFailure caused by it). Branches it started are cancelled too, detached ones not.
     */
    public function cancel(): void
    {
        if (!$this->done) {
            ($this->cancel)();
        }
    }

    /** @internal */
    public function settle(mixed $value, ?\Throwable $error): void
    {
        [$this->done, $this->value, $this->error] = [true, $value, $error];
    }

    public function isDone(): bool
    {
        return $this->done;
    }

    /** Waits for the branch and returns its result, or throws what it threw. */
    public function await(): mixed
    {
        // A join, not a wait of the caller's scope: a cancelled caller can still wait for a detached branch.
        WorkflowRun::current()->context->join(fn (): bool => $this->done);
        if ($this->error !== null) {
            throw $this->error;
        }
        return $this->value;
    }
}
