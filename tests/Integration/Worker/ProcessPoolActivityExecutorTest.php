<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

/**
 * The activity-executor contract for ProcessPoolActivityExecutor, and what only a pool does: activities run
 * in processes of their own that close the worker's descriptors, a process that exits or crashes fails its
 * attempt and is replaced, and a blocked activity is stopped when cancelled.
 */
final class ProcessPoolActivityExecutorTest extends ActivityExecutorContractTestCase
{
    protected static function executor(): string
    {
        return 'pool';
    }

    public function testActivitiesRunInProcessesOfTheirOwnGroupThatHoldOnlyTheirSocket(): void
    {
        $process = $this->runActivity(['name' => 'php.describeProcess'])['result'];
        self::assertNotSame(self::$phpWorker->pid(), $process['pid']);
        self::assertSame($process['pid'], $process['pgid'], 'a process group of its own');
        $sockets = array_filter($process['descriptors'], static fn (string $target): bool =>
            str_starts_with($target, 'socket:') || str_starts_with($target, 'anon_inode:'));
        // fd 3 is its socket to the worker (and the one PHP opened on it); nothing of the worker's gRPC
        // connections, its completion queue's eventfd, or the other processes' sockets.
        self::assertSame([3], array_values(array_unique(array_map(
            static fn (int $fd): int => $process['descriptors'][$fd] === $process['descriptors'][3] ? 3 : $fd,
            array_keys($sockets),
        ))), json_encode($process['descriptors']));
    }

    public function testAnActivityThatExitsItsProcessFailsItsAttemptAndTheProcessIsReplaced(): void
    {
        $error = $this->runActivity(['name' => 'php.exitProcess', 'args' => [3]])['error'];
        self::assertSame(['application', 'ActivityProcessExited', false],
            [$error['kind'], $error['type'], $error['non_retryable']]);
        self::assertMatchesRegularExpression('/activity process \(pid \d+\) running it exited with status 3/', $error['message']);
        self::assertSame(['result' => 'Hello, Ada!'], $this->runActivity(['name' => 'php.greet', 'args' => ['Ada']]));
    }

    public function testAnActivityThatCrashesItsProcessFailsItsAttemptWithTheSignal(): void
    {
        $error = $this->runActivity(['name' => 'php.crashProcess'])['error'];
        self::assertSame('ActivityProcessExited', $error['type']);
        self::assertStringContainsString('was killed by signal 11 (SIGSEGV)', $error['message']);
        self::assertSame(['result' => 5], $this->runActivity(['name' => 'php.add', 'args' => [2, 3]]));
    }

    public function testABlockedActivityRunningPastItsStartToCloseTimeoutIsStopped(): void
    {
        $started = self::markerFile();
        $outcome = $this->runActivity(['name' => 'php.block', 'args' => [120, $started], 'start_to_close' => 2]);
        self::assertSame(['kind' => 'timeout', 'timeout_type' => 'START_TO_CLOSE'], $outcome['error']);
        unlink($started);
        // Its process is stopped (grace period 1 s) and replaced: all four processes serve at once again.
        $dir = sys_get_temp_dir() . '/php-temporal-barrier-' . bin2hex(random_bytes(6));
        mkdir($dir);
        $spec = ['name' => 'php.barrier', 'args' => [$dir, 4], 'start_to_close' => 90];
        $handles = array_map(fn () => $this->start($spec), range(1, 4));
        foreach ($handles as $handle) {
            self::assertSame(['result' => 'met'], $handle->result(timeoutSeconds: 90));
        }
        array_map('unlink', glob("$dir/*") ?: []);
        rmdir($dir);
    }
}
