<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * The versioning behaviour of a workflow type on a worker with Worker Deployment versioning, on its
 * #[WorkflowMethod] or its class (a dynamic workflow's class too); sent with each workflow task it completes.
 */
#[\Attribute(\Attribute::TARGET_METHOD | \Attribute::TARGET_CLASS)]
final class WorkflowVersioningBehavior
{
    public function __construct(public readonly VersioningBehavior $behavior)
    {
    }
}
