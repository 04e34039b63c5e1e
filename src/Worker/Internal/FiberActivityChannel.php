<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Core\Worker as CoreWorker;

/**
 * The channel of activities running in Fibers of the worker: heartbeats are recorded with the core (which
 * throttles what it sends), then the Fiber yields so the poll loop can deliver a cancellation; a Fiber
 * waiting for the shutdown notice sleeps on the scheduler until the notice or a cancellation wakes it.
 *
 * @internal
 */
final class FiberActivityChannel implements ActivityChannel
{
    /** @var array<int, \Fiber> by the object id of its ActivityContext: Fibers waiting for the shutdown notice */
    private array $waiting = [];

    public function __construct(private readonly CoreWorker $core, private readonly FiberScheduler $scheduler)
    {
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        $this->core->recordActivityHeartbeat($heartbeat->serializeToString());
        $this->scheduler->yield();
    }

    public function awaitWorkerShutdown(ActivityContext $context, float $seconds): void
    {
        $fiber = \Fiber::getCurrent() ?? throw new \LogicException('an activity Fiber waits for the shutdown notice');
        if ($context->isWorkerShuttingDown() || $context->isCancelRequested()) {
            return;
        }
        $this->waiting[spl_object_id($context)] = $fiber;
        try {
            $this->scheduler->sleep($seconds);
        } finally {
            unset($this->waiting[spl_object_id($context)]);
        }
    }

    /** Ends the wait of $context's Fiber, if it waits: it was cancelled, or the worker is shutting down. */
    public function wake(ActivityContext $context): void
    {
        $fiber = $this->waiting[spl_object_id($context)] ?? null;
        if ($fiber !== null) {
            $this->scheduler->wake($fiber);
        }
    }
}
