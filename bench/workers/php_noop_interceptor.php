<?php

// The interceptors scenario's interceptor: every workflow and activity hook, each passing its input on as is,
// so the scenario measures what the SDK's interception costs and nothing else.

declare(strict_types=1);

use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\ActivityOutboundInterceptor;
use TrueAsync\Temporal\Interceptor\Trait\ActivityInboundInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\ActivityOutboundInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowInboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowOutboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowInboundCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowOutboundCallsInterceptor;

final class BenchNoopInterceptor implements
    WorkflowInboundCallsInterceptor,
    WorkflowOutboundCallsInterceptor,
    ActivityInboundInterceptor,
    ActivityOutboundInterceptor
{
    use WorkflowInboundCallsInterceptorTrait;
    use WorkflowOutboundCallsInterceptorTrait;
    use ActivityInboundInterceptorTrait;
    use ActivityOutboundInterceptorTrait;
}
