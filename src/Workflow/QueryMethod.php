<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** `name` overrides the method name as the Query name seen by clients and other SDKs. */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class QueryMethod
{
    public function __construct(public readonly ?string $name = null)
    {
    }
}
