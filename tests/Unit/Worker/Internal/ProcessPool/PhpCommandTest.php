<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\ProcessPool;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\PhpCommand;

final class PhpCommandTest extends TestCase
{
    public function testKeepsTheInterpreterOptionsBeforeTheScriptOnly(): void
    {
        $argv = ['php', '-n', '-d', 'extension=/x/temporal.so', '-dmemory_limit=1G', '-c', '/etc/php.ini',
            '-f', 'worker.php', '-d', 'not-php', '--flag'];
        self::assertSame(['-n', '-d', 'extension=/x/temporal.so', '-dmemory_limit=1G', '-c', '/etc/php.ini'],
            PhpCommand::interpreterOptions($argv, 'worker.php'));
    }

    public function testThisProcessIsStartedWithItsOwnBinaryAndOptions(): void
    {
        $command = PhpCommand::ofThisProcess();
        self::assertSame(PHP_BINARY, $command[0]);
        // PHPUnit runs with -d extension=…temporal.so (tests/bootstrap.php insists on it).
        self::assertContains('extension=', array_map(static fn (string $a): string => substr($a, 0, 10), $command),
            implode(' ', $command));
    }
}
