<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** An update handler: it may wait (activities, timers); its return value is the update's result. */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class UpdateMethod
{
    public function __construct(public readonly ?string $name = null)
    {
    }
}
