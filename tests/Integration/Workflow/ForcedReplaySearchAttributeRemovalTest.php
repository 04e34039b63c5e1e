<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

/** The same sets and removals on a worker that caches no run: each activation rebuilds the view from history. */
final class ForcedReplaySearchAttributeRemovalTest extends SearchAttributeRemovalTest
{
    protected const CACHE_SIZE = 0;
}
