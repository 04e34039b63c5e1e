<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Activity;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Interceptor\Activity\HeartbeatInput;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use TrueAsync\Temporal\Worker\Internal\ActivityChannel;

/** The running activity attempt: its info, heartbeats, cancellation and completion mode. */
final class ActivityContext
{
    /** @var \WeakMap<object, self>|null the Fiber or coroutine running each activity => its context */
    private static ?\WeakMap $byRunner = null;
    /** @var (\Closure(): ?object)|null */
    private static ?\Closure $coroutineOf = null;

    private ?ActivityCancelReason $cancelReason = null;
    private bool $completesAsync = false;
    private bool $workerShuttingDown = false;

    /** @internal $outbound: the ActivityOutboundInterceptors, around heartbeat() and getInfo() */
    public function __construct(
        private readonly ActivityInfo $info,
        private readonly ?Payloads $heartbeatDetails,
        private readonly ActivityChannel $channel,
        private readonly DataConverter $converter,
        private readonly Pipeline $outbound,
    ) {
    }

    /** @throws \LogicException outside a running activity */
    public static function current(): self
    {
        $runner = \Fiber::getCurrent() ?? (self::$coroutineOf === null ? null : (self::$coroutineOf)());
        $context = $runner === null ? null : (self::$byRunner[$runner] ?? null);
        if ($context === null) {
            throw new \LogicException('Activity:: methods work only inside an activity that a Worker is running');
        }
        return $context;
    }

    /** @internal binds this context to what runs the activity: its Fiber, or its TrueAsync coroutine */
    public function bind(object $runner): void
    {
        self::$byRunner ??= new \WeakMap();
        self::$byRunner[$runner] = $this;
    }

    /**
     * @internal how to find the running coroutine outside Fibers (set by the TrueAsync executor)
     * @param \Closure(): ?object $coroutineOf
     */
    public static function locateCoroutinesWith(\Closure $coroutineOf): void
    {
        self::$coroutineOf = $coroutineOf;
    }

    public function getInfo(): ActivityInfo
    {
        return $this->outbound->call('getActivityInfo', null, fn (): ActivityInfo => $this->info);
    }

    /** @internal the info as the server gave it, for the SDK's own use: no interceptor sees this call */
    public function uninterceptedInfo(): ActivityInfo
    {
        return $this->info;
    }

    /**
     * Records a heartbeat (the core throttles what it sends) and gives the worker a chance to deliver a
     * cancellation, which is then thrown here.
     *
     * @throws ActivityCanceledException the activity was cancelled, timed out, or the worker is shutting down
     */
    public function heartbeat(mixed ...$details): void
    {
        $this->outbound->call('heartbeat', new HeartbeatInput(array_values($details)), $this->recordHeartbeat(...));
    }

    /** The first detail recorded by the last heartbeat of a previous attempt, decoded as $type; null if none. */
    public function getHeartbeatDetails(?string $type = null): mixed
    {
        return $this->converter->fromPayloads($this->heartbeatDetails, [$type])[0] ?? null;
    }

    public function hasHeartbeatDetails(): bool
    {
        return $this->heartbeatDetails !== null && \count($this->heartbeatDetails->getPayloads()) > 0;
    }

    /** The activity's return value is ignored; complete it later through the client with its task token. */
    public function doNotCompleteOnReturn(): void
    {
        $this->completesAsync = true;
    }

    /** @internal */
    public function completesAsync(): bool
    {
        return $this->completesAsync;
    }

    /** @internal */
    public function requestCancel(ActivityCancelReason $reason): void
    {
        $this->cancelReason ??= $reason;
    }

    /** @internal why the activity was asked to stop; null while it was not */
    public function cancelReason(): ?ActivityCancelReason
    {
        return $this->cancelReason;
    }

    /** @internal the worker started its graceful shutdown: marks this attempt (its channel wakes a waiter) */
    public function notifyWorkerShutdown(): void
    {
        $this->workerShuttingDown = true;
    }

    /**
     * Whether the worker running this attempt started its graceful shutdown. Not a cancellation: the attempt
     * may finish; the worker cancels it (reason WORKER_SHUTDOWN) only when the graceful shutdown period ends.
     */
    public function isWorkerShuttingDown(): bool
    {
        return $this->workerShuttingDown;
    }

    /**
     * Waits until the worker starts shutting down, the activity is cancelled, or $timeoutSeconds pass (null:
     * no limit); returns whether the worker is shutting down. In a pool process it blocks the process, in a
     * Fiber it suspends the activity only.
     */
    public function awaitWorkerShutdown(?float $timeoutSeconds = null): bool
    {
        if ($timeoutSeconds !== null && !($timeoutSeconds >= 0)) {
            throw new \ValueError('Activity::awaitWorkerShutdown(): the timeout must be 0 or more seconds, or null');
        }
        $this->channel->awaitWorkerShutdown($this, $timeoutSeconds ?? INF);
        return $this->workerShuttingDown;
    }

    public function isCancelRequested(): bool
    {
        return $this->cancelReason !== null;
    }

    /** @throws ActivityCanceledException */
    public function throwIfCancelled(): void
    {
        if ($this->cancelReason !== null) {
            throw ActivityCanceledException::because($this->cancelReason);
        }
    }

    /** The SDK's own heartbeat, innermost of the outbound interceptors: it may throw the cancellation. */
    private function recordHeartbeat(HeartbeatInput $input): void
    {
        $heartbeat = new ActivityHeartbeat();
        $heartbeat->setTaskToken($this->info->taskToken);
        $payloads = $this->converter->toPayloads($input->details, 'heartbeat detail')->getPayloads();
        $heartbeat->setDetails(iterator_to_array($payloads, false));
        $this->channel->send($heartbeat);
        $this->throwIfCancelled();
    }
}
