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
        self::assertSame($process['pid'], $process['bootstrap_pid'], 'the bootstrap ran in the process, after the fork');
        $sockets = array_filter($process['descriptors'], static fn (string $target): bool =>
            str_starts_with($target, 'socket:') || str_starts_with($target, 'anon_inode:'));
        // One socket, its own to the worker: nothing of the worker's gRPC connections, its completion queue's
        // eventfd, the template process's control socket, or the other processes' sockets.
        self::assertCount(1, array_unique($sockets), json_encode($process['descriptors']));
    }

    /** On a worker process of its own, which it kills. */
    public function testTheTemplateAndItsProcessesExitWhenTheWorkerIsKilled(): void
    {
        $queue = self::$queue . '-killed';
        $worker = self::startPhpWorker($queue);
        $worker->waitFor('worker ready');
        $process = $this->runActivity(['name' => 'php.describeProcess', 'task_queue' => $queue])['result'];
        $template = $process['ppid'];
        self::assertNotSame($worker->pid(), $template, 'a process is forked by the template, not by the worker');
        self::assertTrue(self::isAlive($template) && self::isAlive($process['pid']));
        $worker->stop(SIGKILL);
        // Nobody tells them: the template sees its control socket close, the process its socket.
        self::assertSame([false, false], self::eventually(
            static fn (): array => [self::isAlive($template), self::isAlive($process['pid'])],
            [false, false],
        ));
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

    /** Running or stopped, not a zombie (a zombie's parent, init once its own died, has yet to reap it). */
    private static function isAlive(int $pid): bool
    {
        $stat = @file_get_contents("/proc/$pid/stat");
        return \is_string($stat) && substr($stat, strrpos($stat, ')') + 2, 1) !== 'Z';
    }
}
