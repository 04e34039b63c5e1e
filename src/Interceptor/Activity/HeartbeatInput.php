<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Activity;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** One heartbeat of the running activity, as ActivityOutboundInterceptor::heartbeat() gets it. */
final class HeartbeatInput
{
    use InputCopies;

    /**
     * @internal
     * @param list<mixed> $details what the activity passed to heartbeat(), before encoding
     */
    public function __construct(public readonly array $details)
    {
    }

    /** @param list<mixed> $details */
    public function withDetails(array $details): self
    {
        return $this->with('details', array_values($details));
    }
}
