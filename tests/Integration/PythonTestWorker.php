<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration;

/**
 * The Python worker of tests/Interop/python/test_workflows.py, started once per test run on a unique task
 * queue and stopped when PHP shuts down.
 */
final class PythonTestWorker
{
    private const SCRIPT = __DIR__ . '/../Interop/python/test_workflows.py';
    private const READY_LINE = 'worker ready';
    private const READY_TIMEOUT_S = 60;
    private const STOP_TIMEOUT_S = 15;

    private static ?self $shared = null;
    private static ?\RuntimeException $startFailure = null;

    /** @param resource $process */
    private function __construct(private $process, private string $taskQueue, private string $logFile)
    {
    }

    /** The running worker; the first call starts it and waits until it polls. */
    public static function shared(string $address): self
    {
        if (self::$startFailure !== null) {
            throw self::$startFailure; // one failed start fails every test that needs the worker, fast
        }
        if (self::$shared === null) {
            try {
                self::$shared = self::start($address, 'php-it-' . bin2hex(random_bytes(6)));
            } catch (\RuntimeException $e) {
                throw self::$startFailure = $e;
            }
            register_shutdown_function([self::$shared, 'stop']);
        }
        return self::$shared;
    }

    public function getTaskQueue(): string
    {
        return $this->taskQueue;
    }

    public function stop(): void
    {
        if (!\is_resource($this->process)) {
            return;
        }
        proc_terminate($this->process, \SIGTERM);
        $deadline = microtime(true) + self::STOP_TIMEOUT_S;
        while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
            usleep(50_000);
        }
        if (proc_get_status($this->process)['running']) {
            proc_terminate($this->process, \SIGKILL);
        }
        proc_close($this->process);
        @unlink($this->logFile);
    }

    private static function start(string $address, string $taskQueue): self
    {
        $logFile = sys_get_temp_dir() . "/$taskQueue.log";
        $command = [getenv('PYTHON') ?: 'python3', self::SCRIPT, '--task-queue', $taskQueue];
        $env = getenv();
        $env['TEMPORAL_ADDRESS'] = $address;
        $descriptors = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', $logFile, 'w']];
        $process = proc_open($command, $descriptors, $pipes, null, $env);
        if ($process === false) {
            throw new \RuntimeException('cannot start ' . implode(' ', $command));
        }
        $worker = new self($process, $taskQueue, $logFile);
        $worker->waitUntilReady($pipes[1]);
        return $worker;
    }

    /** @param resource $stdout */
    private function waitUntilReady($stdout): void
    {
        $deadline = microtime(true) + self::READY_TIMEOUT_S;
        $output = '';
        while (!str_contains($output, self::READY_LINE . "\n")) {
            $read = [$stdout];
            $write = $except = null;
            $left = $deadline - microtime(true);
            if ($left <= 0 || stream_select($read, $write, $except, 0, 200_000) === false) {
                $this->failToStart("not ready after " . self::READY_TIMEOUT_S . ' s', $output);
            }
            $chunk = $read === [] ? '' : fread($stdout, 8192);
            if ($read !== [] && ($chunk === false || $chunk === '') && feof($stdout)) {
                $this->failToStart('exited before it was ready', $output);
            }
            $output .= (string) $chunk;
        }
    }

    private function failToStart(string $why, string $output): never
    {
        $log = (string) @file_get_contents($this->logFile);
        $this->stop();
        throw new \RuntimeException("The Python test worker $why.\nstdout:\n$output\nstderr:\n$log");
    }
}
