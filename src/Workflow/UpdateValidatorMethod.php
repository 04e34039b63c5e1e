<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * Validates an update before it is accepted: throw to reject it. Read-only and must not wait; it runs only
 * when the update is new (not on replay), with the update's arguments.
 */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class UpdateValidatorMethod
{
    public function __construct(public readonly string $forUpdate)
    {
    }
}
