<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;

/** WorkflowHandle::describe(): the run it is about. */
final class DescribeInput
{
    /** @internal made by WorkflowHandle */
    public function __construct(public readonly WorkflowExecution $execution)
    {
    }
}
