<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowOutbound;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;
use TrueAsync\Temporal\Internal\ProtoTime;

/** A durable wait about to start (WorkflowOutboundCallsInterceptor::timer()). */
final class TimerInput
{
    use InputCopies;

    /**
     * @internal made by the worker
     * @param float $seconds how long to wait, in workflow time; 0 or less: no timer starts
     */
    public function __construct(public readonly float $seconds)
    {
    }

    /** @throws \ValueError $seconds is NaN, infinite or too long, as Workflow::sleep() refuses it */
    public function withSeconds(float $seconds): self
    {
        return $this->with('seconds', ProtoTime::waitSeconds($seconds, 'TimerInput::withSeconds()'));
    }
}
