<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\Reload;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\Reload\ProcessCommand;

final class ProcessCommandTest extends TestCase
{
    public function testTheInterpreterOptionsAreWhatComesBetweenTheBinaryAndTheScript(): void
    {
        $cmdline = "php\0-d\0extension=/x/temporal.so\0-n\0worker.php\0queue\0\0";  // the last argument is empty

        $this->assertSame(['-d', 'extension=/x/temporal.so', '-n'], ProcessCommand::interpreterOptions(3, $cmdline));
        $this->assertSame([], ProcessCommand::interpreterOptions(1, "php\0worker.php\0"));
        $this->assertSame([], ProcessCommand::interpreterOptions(1, ''));
    }

    public function testThisProcessRunsAgainAsItWasStartedWithItsScriptByAnAbsolutePath(): void
    {
        $started = explode("\0", substr((string) file_get_contents('/proc/self/cmdline'), 0, -1));
        $script = \count($started) - \count($_SERVER['argv']);
        $started[0] = PHP_BINARY;
        $started[$script] = get_included_files()[0];

        $this->assertSame($started, ProcessCommand::current());
        $this->assertStringStartsWith('/', ProcessCommand::current()[$script]);
    }
}
