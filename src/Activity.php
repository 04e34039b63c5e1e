<?php

declare(strict_types=1);

namespace TrueAsync\Temporal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Exception\ActivityCanceledException;

/** Static access to the activity running in the current Fiber. */
final class Activity
{
    private function __construct()
    {
    }

    /** @throws \LogicException outside an activity */
    public static function getInfo(): ActivityInfo
    {
        return ActivityContext::current()->getInfo();
    }

    /**
     * Custom metrics labelled with this activity's namespace, task queue and activity type
     * (Metrics\MetricMeter). In the process pool's processes they record nothing: those run no exporter.
     *
     * @throws \LogicException outside an activity
     */
    public static function getMetricMeter(): Metrics\MetricMeter
    {
        $info = self::getInfo();
        return Metrics\MetricMeter::create(['namespace' => $info->workflowNamespace, 'task_queue' => $info->taskQueue,
            'activity_type' => $info->activityType]);
    }

    /**
     * @throws ActivityCanceledException the activity should stop (cancelled, timed out, worker shutdown, …)
     * @throws \LogicException outside an activity
     */
    public static function heartbeat(mixed ...$details): void
    {
        ActivityContext::current()->heartbeat(...$details);
    }

    /** @throws \LogicException outside an activity */
    public static function getHeartbeatDetails(?string $type = null): mixed
    {
        return ActivityContext::current()->getHeartbeatDetails($type);
    }

    /**
     * Whether the worker started its graceful shutdown: time to save progress (heartbeat details) and return.
     * Not a cancellation; the worker cancels the activity only when its graceful shutdown period ends.
     *
     * @throws \LogicException outside an activity
     */
    public static function isWorkerShuttingDown(): bool
    {
        return ActivityContext::current()->isWorkerShuttingDown();
    }

    /**
     * Waits until the worker starts shutting down, the activity is cancelled, or $timeoutSeconds pass (null:
     * no limit); returns whether the worker is shutting down.
     *
     * @throws \LogicException outside an activity
     */
    public static function awaitWorkerShutdown(?float $timeoutSeconds = null): bool
    {
        return ActivityContext::current()->awaitWorkerShutdown($timeoutSeconds);
    }

    /** @throws \LogicException outside an activity */
    public static function doNotCompleteOnReturn(): void
    {
        ActivityContext::current()->doNotCompleteOnReturn();
    }
}
