<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** WorkflowHandle::terminate(): the run to stop, and why. */
final class TerminateInput
{
    use InputCopies;

    /** @internal made by WorkflowHandle */
    public function __construct(public readonly WorkflowExecution $execution, public readonly string $reason)
    {
    }

    public function withReason(string $reason): self
    {
        return $this->with('reason', $reason);
    }
}
