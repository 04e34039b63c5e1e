<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Interceptor\Activity\HeartbeatInput;

/**
 * Wraps what a running activity asks of the worker: Activity::heartbeat() and Activity::getInfo() (and the
 * same methods of ActivityContext), each call once. Registered like ActivityInboundInterceptor. Use
 * ActivityOutboundInterceptorTrait to implement only what you need.
 */
interface ActivityOutboundInterceptor extends Interceptor
{
    /**
     * Records a heartbeat with $input->details; $next also throws the activity's cancellation, if any.
     *
     * @param callable(HeartbeatInput): void $next
     */
    public function heartbeat(HeartbeatInput $input, callable $next): void;

    /** @param callable(): ActivityInfo $next */
    public function getActivityInfo(callable $next): ActivityInfo;
}
