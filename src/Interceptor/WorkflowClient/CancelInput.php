<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;

/** WorkflowHandle::cancel(): the run it is about. */
final class CancelInput
{
    /** @internal made by WorkflowHandle */
    public function __construct(public readonly WorkflowExecution $execution)
    {
    }
}
