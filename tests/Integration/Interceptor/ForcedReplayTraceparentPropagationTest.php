<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Interceptor;

/** TraceparentPropagationTest with every activation replayed from history (a worker that caches no run). */
final class ForcedReplayTraceparentPropagationTest extends TraceparentPropagationTest
{
    protected const CACHE_SIZE = 0;
}
