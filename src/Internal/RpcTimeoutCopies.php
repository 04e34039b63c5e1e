<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Exception\DeadlineExceededException;

/**
 * withRpcTimeout() of the client objects a user holds, which all make their calls through a WorkflowService in
 * $service: the copy gets a service with that timeout, and every object it hands out inherits it.
 *
 * @internal
 */
trait RpcTimeoutCopies
{
    /**
     * A copy whose every call carries this deadline, its retries included; past it the call throws
     * DeadlineExceededException. Handles made from the copy inherit it. Long polls (waiting for a workflow's
     * or an update's result) are not bounded by it: their own timeout parameter bounds them.
     *
     * @see DeadlineExceededException the call may still have taken effect
     * @param ?float $timeoutSeconds null: the default of the client's ConnectionOptions::withRpcTimeout()
     * @throws \ValueError $timeoutSeconds is NaN, infinite, negative or zero
     */
    public function withRpcTimeout(?float $timeoutSeconds): static
    {
        $class = substr(strrchr(static::class, '\\'), 1);
        $copy = clone $this;
        $copy->service = $this->service->withRpcTimeout($timeoutSeconds, "$class::withRpcTimeout()");
        return $copy;
    }
}
