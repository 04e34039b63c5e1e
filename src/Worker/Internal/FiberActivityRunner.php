<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Exception\ActivityCancelReason;

/**
 * Runs each activity attempt in a Fiber of the worker's scheduler; a cancellation is seen by the activity
 * at its next heartbeat.
 *
 * @internal
 */
final class FiberActivityRunner implements RunningActivityExecutor
{
    /** @var array<string, ActivityContext> task token => the running attempt */
    private array $running = [];
    private readonly FiberActivityChannel $channel;
    private bool $shuttingDown = false;

    public function __construct(private readonly ActivityTaskHost $host)
    {
        $this->channel = new FiberActivityChannel($host->core, $host->scheduler);
    }

    public function execute(string $token, Start $start): void
    {
        $context = $this->host->invocation->context($token, $start, $this->channel);
        if ($this->shuttingDown) {
            $context->notifyWorkerShutdown();
        }
        $this->running[$token] = $context;
        $this->host->scheduler->spawn(function () use ($context, $start, $token): void {
            $context->bind(\Fiber::getCurrent());
            try {
                $result = $this->host->invocation->run($context, $start);
            } finally {
                unset($this->running[$token]);
            }
            $this->host->complete($token, $result);
        });
    }

    public function cancel(string $token, ActivityCancelReason $reason): void
    {
        $context = $this->running[$token] ?? null;
        if ($context !== null) {
            $context->requestCancel($reason);
            $this->channel->wake($context);
        }
    }

    public function notifyWorkerShutdown(): void
    {
        $this->shuttingDown = true;
        foreach ($this->running as $context) {
            $context->notifyWorkerShutdown();
            $this->channel->wake($context);
        }
    }

    public function close(): void
    {
    }
}
