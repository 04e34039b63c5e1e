<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client\Interceptor;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowClientCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;

/** Puts "tenant" (and the hook's name under "hook") into the header of every call that carries one. */
final class TenantHeaderInterceptor implements WorkflowClientCallsInterceptor
{
    use WorkflowClientCallsInterceptorTrait;

    public function __construct(private string $tenant)
    {
    }

    public function start(StartWorkflowInput $input, callable $next): WorkflowHandle
    {
        return $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    public function signalWithStart(SignalWithStartInput $input, callable $next): WorkflowHandle
    {
        return $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    public function updateWithStart(UpdateWithStartInput $input, callable $next): WorkflowUpdateHandle
    {
        return $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    public function signal(SignalInput $input, callable $next): void
    {
        $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    public function query(QueryInput $input, callable $next): mixed
    {
        return $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    public function startUpdate(StartUpdateInput $input, callable $next): WorkflowUpdateHandle
    {
        return $next($input->withHeader($this->tag($input->header, __FUNCTION__)));
    }

    private function tag(Header $header, string $hook): Header
    {
        return $header->withValue('tenant', $this->tenant)->withValue('hook', $hook);
    }
}
