<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Interceptor\Activity\HeartbeatInput;

/** Pass-through hooks of ActivityOutboundInterceptor: a class using it overrides only the ones it needs. */
trait ActivityOutboundInterceptorTrait
{
    public function heartbeat(HeartbeatInput $input, callable $next): void
    {
        $next($input);
    }

    public function getActivityInfo(callable $next): ActivityInfo
    {
        return $next();
    }
}
