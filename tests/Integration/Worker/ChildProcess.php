<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

/** A test's helper process (a worker), with its output in a log file and a wait for its "ready" line. */
final class ChildProcess
{
    /** @param resource $process */
    private function __construct(private $process, private readonly string $log)
    {
    }

    /**
     * @param list<string> $command
     * @param array<string, string> $env added to this process's environment
     */
    public static function start(array $command, string $name, array $env = []): self
    {
        $log = sys_get_temp_dir() . "/$name-" . getmypid() . '.log';
        // One descriptor for both: two would each keep their own offset and overwrite each other's lines.
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'],
            2 => ['redirect', 1]], $pipes, null, $env + getenv());
        if (!\is_resource($process)) {
            throw new \RuntimeException('cannot start ' . implode(' ', $command));
        }
        return new self($process, $log);
    }

    /**
     * A PHP script run with this build's extension (TEMPORAL_EXT_SO, or build/ext/modules/temporal.so).
     *
     * @param list<string> $args
     */
    public static function php(string $script, array $args, string $name): self
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        return self::start([PHP_BINARY, '-d', "extension=$extension", $script, ...$args], $name);
    }

    /** The Python SDK worker of tests/Interop/python/activity_callers.py on $queue, once it polls. */
    public static function pythonActivityCallers(string $queue): self
    {
        $python = getenv('PYTHON') ?: 'python3';
        $script = \dirname(__DIR__, 2) . '/Interop/python/activity_callers.py';
        $worker = self::start([$python, $script, '--task-queue', $queue], "python-activity-callers-$queue");
        $worker->waitFor('worker ready');
        return $worker;
    }

    public function waitFor(string $line, float $timeoutSeconds = 30.0): void
    {
        $deadline = microtime(true) + $timeoutSeconds;
        while (!str_contains($this->output(), $line)) {
            if (!proc_get_status($this->process)['running'] || microtime(true) > $deadline) {
                throw new \RuntimeException("no \"$line\" from the process; its output:\n" . $this->output());
            }
            usleep(50_000);
        }
    }

    public function pid(): int
    {
        return proc_get_status($this->process)['pid'];
    }

    public function isRunning(): bool
    {
        return proc_get_status($this->process)['running'];
    }

    public function output(): string
    {
        return (string) file_get_contents($this->log);
    }

    /** Sends $signal and waits; returns the exit code, 128 + the signal if one ended it, -1 if it hung. */
    public function stop(int $signal = SIGTERM, float $timeoutSeconds = 30.0): int
    {
        proc_terminate($this->process, $signal);
        $deadline = microtime(true) + $timeoutSeconds;
        while (($status = proc_get_status($this->process))['running']) {
            if (microtime(true) > $deadline) {
                proc_terminate($this->process, SIGKILL);
                proc_close($this->process);
                return -1;
            }
            usleep(50_000);
        }
        proc_close($this->process);
        return $status['signaled'] ? 128 + $status['termsig'] : $status['exitcode'];
    }
}
