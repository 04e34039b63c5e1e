<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors;

use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;
use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\Trait\ActivityInboundInterceptorTrait;

/**
 * Changes what some test activities get or give: "icpt.addOne" is called with its first argument plus one,
 * and what "icpt.wrapResult" returns is completed as ["wrapped" => it]. The others pass through.
 */
final class ChangingActivityInterceptor implements ActivityInboundInterceptor
{
    use ActivityInboundInterceptorTrait;

    public function handleActivityInbound(ActivityInput $input, callable $next): mixed
    {
        return match ($input->activityType) {
            'icpt.addOne' => $next($input->withArgs([$input->args[0] + 1, ...\array_slice($input->args, 1)])),
            'icpt.wrapResult' => ['wrapped' => $next($input)],
            default => $next($input),
        };
    }
}
