<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

/** The same on a worker that caches no run: each activation rebuilds the info, memo upserts included. */
final class ForcedReplayWorkflowInfoTest extends WorkflowInfoTest
{
    protected const CACHE_SIZE = 0;
}
