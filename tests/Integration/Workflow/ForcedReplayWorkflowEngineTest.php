<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

/**
 * Every workflow test again on a worker that caches no run: each activation replays the run from its
 * history, so any non-determinism in the engine (or in these workflows) fails here.
 */
final class ForcedReplayWorkflowEngineTest extends WorkflowEngineTest
{
    protected const CACHE_SIZE = 0;
}
