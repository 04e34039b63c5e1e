<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Trait;

use TrueAsync\Temporal\Interceptor\WorkflowInbound\ExecuteInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\UpdateInput;

/**
 * Every hook of WorkflowInboundCallsInterceptor passing its input on unchanged: use it and override the
 * hooks you need.
 */
trait WorkflowInboundCallsInterceptorTrait
{
    public function execute(ExecuteInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function handleSignal(SignalInput $input, callable $next): void
    {
        $next($input);
    }

    public function handleQuery(QueryInput $input, callable $next): mixed
    {
        return $next($input);
    }

    public function validateUpdate(UpdateInput $input, callable $next): void
    {
        $next($input);
    }

    public function handleUpdate(UpdateInput $input, callable $next): mixed
    {
        return $next($input);
    }
}
