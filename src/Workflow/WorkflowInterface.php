<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** Marks a workflow class: one #[WorkflowMethod], any number of #[SignalMethod] and #[QueryMethod]. */
#[\Attribute(\Attribute::TARGET_CLASS)]
final class WorkflowInterface
{
    public function __construct()
    {
    }
}
