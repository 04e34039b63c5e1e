<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** `name` overrides the method name as the Signal name seen by clients and other SDKs. */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class SignalMethod
{
    public function __construct(public readonly ?string $name = null)
    {
    }
}
