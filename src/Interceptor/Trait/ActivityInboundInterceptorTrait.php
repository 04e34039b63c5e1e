<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;

/** Pass-through hooks of ActivityInboundInterceptor: a class using it overrides only the ones it needs. */
trait ActivityInboundInterceptorTrait
{
    public function handleActivityInbound(ActivityInput $input, callable $next): mixed
    {
        return $next($input);
    }
}
