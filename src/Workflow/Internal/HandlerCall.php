<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

/**
 * A handler and the arguments decoded and checked for it: an inbound interceptor sees the arguments and may
 * call the handler with others.
 *
 * @internal
 */
final class HandlerCall
{
    /** @param list<mixed> $args */
    public function __construct(private readonly \Closure $handler, public readonly array $args)
    {
    }

    /** @param list<mixed> $args */
    public function call(array $args): mixed
    {
        return ($this->handler)(...$args);
    }
}
