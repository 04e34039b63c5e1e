<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\Reload;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\Reload\ReloadVerdict;

final class ReloadVerdictTest extends TestCase
{
    private string $file;

    protected function setUp(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'php-temporal-verdict-');
    }

    protected function tearDown(): void
    {
        @unlink($this->file);
    }

    public function testWhatTheCheckWritesTheWorkerReadsBack(): void
    {
        $failure = ['task_queue' => 'q', 'workflow_id' => 'w', 'run_id' => 'r', 'message' => "not deterministic\nreport"];
        ReloadVerdict::write($this->file, 3, [$failure]);
        $verdict = ReloadVerdict::read($this->file, 0, '');

        $this->assertSame(3, $verdict->replayed);
        $this->assertSame([$failure], $verdict->failures);
        $this->assertNull($verdict->loadError);
        $this->assertFalse($verdict->isSafe());
        ReloadVerdict::write($this->file, 3, []);
        $this->assertTrue(ReloadVerdict::read($this->file, 0, '')->isSafe());
    }

    /** @return iterable<string, array{int, string}> */
    public static function checksThatDidNotFinish(): iterable
    {
        yield 'a parse error' => [255, ''];
        yield 'an exit before the call' => [0, 'no verdict'];
        yield 'a torn file' => [0, '{"replayed": 1, "fail'];
    }

    /** @dataProvider checksThatDidNotFinish */
    public function testACheckThatWroteNoVerdictRefusesTheReloadWithWhatItPrinted(int $exitCode, string $file): void
    {
        $file === 'no verdict' ? unlink($this->file) : file_put_contents($this->file, $file);
        $verdict = ReloadVerdict::read($this->file, $exitCode, "PHP Parse error: syntax error\n");

        $this->assertFalse($verdict->isSafe());
        $this->assertSame("the new code did not load (the checking process exited with $exitCode):\nPHP Parse error: syntax error",
            $verdict->loadError);
    }
}
