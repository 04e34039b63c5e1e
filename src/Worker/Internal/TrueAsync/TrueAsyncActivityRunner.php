<?php

// TRUEASYNC ONLY: loaded by TrueAsyncActivityExecutor on the TrueAsync PHP build; calls its Async\ API.
// Untested here: that build cannot be installed on this project's machines (docs/DESIGN.md).

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\TrueAsync;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;

/**
 * One coroutine per activity attempt. The coroutine reports its own result: outside the scheduler's Fibers,
 * the completion's wait suspends the coroutine (the extension's TrueAsync waker), not the worker.
 *
 * @internal
 */
final class TrueAsyncActivityRunner implements RunningActivityExecutor
{
    /** @var array<string, array{object, ActivityContext}> task token => its coroutine and context */
    private array $running = [];
    private readonly CoroutineActivityChannel $channel;
    private bool $shuttingDown = false;

    public function __construct(private readonly ActivityTaskHost $host)
    {
        $this->channel = new CoroutineActivityChannel($host->core);
        ActivityContext::locateCoroutinesWith(static fn (): ?object => \Async\current_coroutine());
    }

    public function execute(string $token, Start $start): void
    {
        $context = $this->host->invocation->context($token, $start, $this->channel);
        if ($this->shuttingDown) {
            $context->notifyWorkerShutdown();
        }
        $coroutine = \Async\spawn(function () use ($context, $start, $token): void {
            try {
                $result = $this->resultOf($context, $this->host->invocation->run($context, $start));
            } finally {
                unset($this->running[$token]);
            }
            $this->host->complete($token, $result);
        });
        $context->bind($coroutine);
        $this->running[$token] = [$coroutine, $context];
    }

    public function cancel(string $token, ActivityCancelReason $reason): void
    {
        [$coroutine, $context] = $this->running[$token] ?? [null, null];
        if ($coroutine !== null && !$context->isCancelRequested()) {
            $context->requestCancel($reason);
            $coroutine->cancel(new \Async\AsyncCancellation('activity cancelled: ' . strtolower($reason->name)));
        }
    }

    public function notifyWorkerShutdown(): void
    {
        $this->shuttingDown = true;
        foreach ($this->running as [, $context]) {
            $context->notifyWorkerShutdown();
        }
    }

    public function close(): void
    {
    }

    /** A failure after a cancellation is the cancellation arriving at the activity's I/O: report it as one. */
    private function resultOf(ActivityContext $context, ActivityExecutionResult $result): ActivityExecutionResult
    {
        $reason = $context->cancelReason();
        return $reason !== null && $result->hasFailed()
            ? $this->host->invocation->cancelled(ActivityCanceledException::because($reason))
            : $result;
    }
}
