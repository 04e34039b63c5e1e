<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

/** Every cancellation case again on a worker that caches no run: each activation replays from history. */
final class ForcedReplayCancellationPropertyTest extends CancellationPropertyTest
{
    protected const CACHE_SIZE = 0;
}
