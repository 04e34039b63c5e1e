<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Activity;

/** An activity of an #[ActivityInterface] class; `name` overrides the method name as the activity type. */
#[\Attribute(\Attribute::TARGET_METHOD)]
final class ActivityMethod
{
    public function __construct(public readonly ?string $name = null)
    {
    }
}
