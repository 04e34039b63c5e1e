<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor;

/**
 * What Client::withInterceptors() and WorkerOptions::withInterceptors() take: an object implementing one or
 * more of the interceptor interfaces that extend this one. Each call site runs the interceptors implementing
 * its interface, in the order given (the first is outermost), and skips the others.
 */
interface Interceptor
{
}
