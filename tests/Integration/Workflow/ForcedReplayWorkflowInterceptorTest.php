<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

/**
 * The interceptor tests again on a worker that caches no run: each activation replays the run from its
 * history, running the hooks again, and the counts (kept only while not replaying) must stay once each.
 */
final class ForcedReplayWorkflowInterceptorTest extends WorkflowInterceptorTest
{
    protected const CACHE_SIZE = 0;
}
