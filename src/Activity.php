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

    /** @throws \LogicException outside an activity */
    public static function doNotCompleteOnReturn(): void
    {
        ActivityContext::current()->doNotCompleteOnReturn();
    }
}
