<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\Reload;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\Reload\ReloadHandover;
use TrueAsync\Temporal\Worker\Internal\Reload\SourceSnapshot;

final class ReloadHandoverTest extends TestCase
{
    public function testTheRunsAndTheAcceptedSourcesAreReadOnceByTheNextProcess(): void
    {
        $source = tempnam(sys_get_temp_dir(), 'php-temporal-handover-');
        file_put_contents($source, '<?php // v2');
        $accepted = SourceSnapshot::take([$source]);
        ReloadHandover::pass(['q' => ['run-1' => 'wf-1', 'run-2' => 'wf-2']], $accepted);
        $file = (string) getenv('TEMPORAL_RELOAD_HANDOVER');
        file_put_contents($source, '<?php // v3, saved while the next process started');

        $taken = ReloadHandover::take();

        $this->assertSame(['q' => ['run-1' => 'wf-1', 'run-2' => 'wf-2']], $taken->runs);
        $this->assertNotNull($taken->accepted);
        $this->assertTrue($taken->accepted->equals($accepted));
        $this->assertSame([$source], $taken->accepted->changedFiles(SourceSnapshot::take([$source])));
        $this->assertFalse(getenv('TEMPORAL_RELOAD_HANDOVER'));
        $this->assertFileDoesNotExist($file);
        unlink($source);
    }

    public function testAProcessStartedByHandHasNothingHandedOver(): void
    {
        $taken = ReloadHandover::take();

        $this->assertSame([], $taken->runs);
        $this->assertNull($taken->accepted);
    }
}
