<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** `name` overrides the method name as the workflow type name (default: the short class name). */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class WorkflowMethod
{
    public function __construct(public readonly ?string $name = null)
    {
    }
}
