<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;

/**
 * Wraps each activity attempt a worker runs, local activities included. Registered on the client, the
 * worker, or — for a ProcessPoolActivityExecutor's processes — in the pool's bootstrap
 * (ActivityProcessSetup::addInterceptors()). Use ActivityInboundInterceptorTrait to implement only what you
 * need.
 */
interface ActivityInboundInterceptor extends Interceptor
{
    /**
     * Runs the attempt: call $next($input) (with a changed copy of $input if you like) and return what the
     * activity should complete with — its return value, or another. Called once per attempt whose activity
     * type is registered and whose arguments decode (an attempt failing before that never reaches it). What
     * it throws fails the attempt as the activity's own exception would: an ApplicationFailure keeps its type
     * and non-retryable flag.
     *
     * @param callable(ActivityInput): mixed $next
     */
    public function handleActivityInbound(ActivityInput $input, callable $next): mixed;
}
