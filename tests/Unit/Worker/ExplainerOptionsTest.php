<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\WorkerOptions;

/** WorkerOptions::withNondeterminismExplainer(): on by default, the source in history only when asked. */
final class ExplainerOptionsTest extends TestCase
{
    public function testTheExplainerIsOnAndWritesNoSourceIntoHistoryByDefault(): void
    {
        $options = WorkerOptions::new();

        self::assertTrue($options->isNondeterminismExplainerEnabled());
        self::assertFalse($options->isSourceInHistory());
        self::assertTrue($options->withNondeterminismExplainer(sourceInHistory: true)->isSourceInHistory());
        self::assertFalse($options->withNondeterminismExplainer(false)->isNondeterminismExplainerEnabled());
    }

    public function testTheSourceCannotGoIntoHistoryWithTheExplainerOff(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('WorkerOptions::withNondeterminismExplainer(): $sourceInHistory needs the explainer on');

        WorkerOptions::new()->withNondeterminismExplainer(false, sourceInHistory: true);
    }
}
