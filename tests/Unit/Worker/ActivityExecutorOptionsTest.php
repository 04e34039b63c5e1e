<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Tests\Unit\RefusesBadValues;
use TrueAsync\Temporal\Worker\FiberActivityExecutor;
use TrueAsync\Temporal\Worker\ProcessPoolActivityExecutor;
use TrueAsync\Temporal\Worker\TrueAsyncActivityExecutor;
use TrueAsync\Temporal\Worker\WorkerOptions;

final class ActivityExecutorOptionsTest extends TestCase
{
    use RefusesBadValues;

    public function testFibersAreTheDefaultAndLeaveTheActivitySlotsAsConfigured(): void
    {
        $options = WorkerOptions::new()->withMaxConcurrentActivityExecutionSize(40);
        self::assertInstanceOf(FiberActivityExecutor::class, $options->getActivityExecutor());
        self::assertSame(40, self::activitySlots($options));
    }

    public function testAPoolBoundsTheActivitySlotsByItsProcesses(): void
    {
        $pool = (new ProcessPoolActivityExecutor(__FILE__))->withProcesses(6);
        self::assertSame(6, self::activitySlots(WorkerOptions::new()->withActivityExecutor($pool)));
        $fewerSlots = WorkerOptions::new()->withActivityExecutor($pool)->withMaxConcurrentActivityExecutionSize(2);
        self::assertSame(2, self::activitySlots($fewerSlots));
    }

    public function testAPoolRefusesBadSettingsWithTheirName(): void
    {
        $cases = [
            'bootstrap file "/nonexistent.php" does not exist' => static fn () => new ProcessPoolActivityExecutor('/nonexistent.php'),
            'withProcesses(): must be 1 to 1024, got 0' => static fn () => (new ProcessPoolActivityExecutor(__FILE__))->withProcesses(0),
            'withCancellationGracePeriod()' => static fn () => (new ProcessPoolActivityExecutor(__FILE__))->withCancellationGracePeriod(-1),
            'withPhpCommand(): the command must not be empty' => static fn () => (new ProcessPoolActivityExecutor(__FILE__))->withPhpCommand(),
        ];
        self::assertEachRefused($cases);
    }

    public function testAPoolNamesTheExtensionsItMissesWhenMade(): void
    {
        // php -n loads no shared extension: Debian builds posix and sockets shared.
        $script = \sprintf(
            'require %s; try { new %s(__FILE__); echo "made"; } catch (\LogicException $e) { echo $e->getMessage(); }',
            var_export(\dirname(__DIR__, 3) . '/vendor/autoload.php', true),
            ProcessPoolActivityExecutor::class,
        );
        $output = (string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($script) . ' 2>&1');
        self::assertStringContainsString('needs the PHP extensions pcntl, posix, sockets; not loaded: ', $output);
        self::assertStringContainsString('sockets', substr($output, (int) strpos($output, 'not loaded')));
    }

    public function testTheTrueAsyncExecutorCannotBeMadeOnStockPhp(): void
    {
        self::assertFalse(TrueAsyncActivityExecutor::isSupported());
        $this->expectException(\LogicException::class);
        $this->expectExceptionMessage('needs the TrueAsync PHP build');
        new TrueAsyncActivityExecutor();
    }

    public function testAutoHeartbeatIntervalIsHalfTheCoresThrottleAndOffByDefault(): void
    {
        self::assertNull(WorkerOptions::new()->autoHeartbeatInterval(4.0));
        $options = WorkerOptions::new()->withAutoHeartbeat()->withMaxHeartbeatThrottleInterval(60)
            ->withDefaultHeartbeatThrottleInterval(30);
        self::assertEqualsWithDelta(1.6, $options->autoHeartbeatInterval(4.0), 1e-9);
        self::assertEqualsWithDelta(15.0, $options->autoHeartbeatInterval(null), 1e-9);
        self::assertEqualsWithDelta(30.0, $options->autoHeartbeatInterval(600.0), 1e-9);
    }

    private static function activitySlots(WorkerOptions $options): int
    {
        return json_decode($options->toJson('default', 'q', false, true), true)['max_concurrent_activities'];
    }
}
