<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;
use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\Trait\ActivityInboundInterceptorTrait;

/**
 * Fails some test activities on purpose, without running them: "icpt.refused" with a non-retryable
 * ApplicationFailure of its own type, "icpt.refusedPlainly" with a plain exception.
 */
final class RefusingActivityInterceptor implements ActivityInboundInterceptor
{
    use ActivityInboundInterceptorTrait;

    public function handleActivityInbound(ActivityInput $input, callable $next): mixed
    {
        return match ($input->activityType) {
            'icpt.refused' => throw ApplicationFailure::create('refused by an interceptor', 'InterceptorRefusal',
                nonRetryable: true),
            'icpt.refusedPlainly' => throw new \RuntimeException('refused plainly by an interceptor'),
            default => $next($input),
        };
    }
}
