<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;

/**
 * A server process of a WorkflowEnvironment (the CLI's dev server, or the time-skipping test server): started on
 * free loopback ports, ready once a probe through a client passes, stopped with SIGTERM (SIGKILL if it lingers).
 * Its output goes to a log file that a failed start quotes.
 *
 * @internal
 */
final class ServerProcess
{
    private const STOP_TIMEOUT_S = 30.0;

    /** @param resource $process */
    private function __construct(
        private $process,
        private readonly string $log,
        public readonly string $address,
        public readonly ?string $uiAddress,
    ) {
    }

    /**
     * @param list<string> $command
     * @param \Closure(Client): void $probe throws until the server serves
     * @return array{self, Client} the process, and the client that saw it serve
     * @throws \RuntimeException the command cannot run, or the server does not serve within $startTimeout
     */
    public static function start(
        array $command,
        string $address,
        string $namespace,
        float $startTimeout,
        \Closure $probe,
        ?string $uiAddress = null,
    ): array {
        $log = tempnam(sys_get_temp_dir(), 'temporal-test-server-');
        $process = @proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'],
            2 => ['file', $log, 'a']], $pipes);
        if (!\is_resource($process)) {
            throw new \RuntimeException("cannot run {$command[0]}");
        }
        $server = new self($process, $log, $address, $uiAddress);
        try {
            return [$server, $server->awaitServing($namespace, $startTimeout, $probe)];
        } catch (\Throwable $e) {
            $server->stop();
            throw $e;
        }
    }

    /** @param \Closure(Client): void $probe */
    private function awaitServing(string $namespace, float $startTimeout, \Closure $probe): Client
    {
        $deadline = microtime(true) + $startTimeout;
        $connection = ConnectionOptions::new($this->address)->withNamespace($namespace)->withConnectTimeout(5);
        while (true) {
            if (!proc_get_status($this->process)['running']) {
                throw new \RuntimeException("the server exited at start:\n" . $this->output());
            }
            try {
                $client = Client::connect($connection);
                $probe($client);
                return $client;
            } catch (\Throwable $e) {
                if (microtime(true) > $deadline) {
                    throw new \RuntimeException("the server did not serve within $startTimeout s ("
                        . $e->getMessage() . "):\n" . $this->output(), 0, $e);
                }
                usleep(100_000);
            }
        }
    }

    public function stop(): void
    {
        if (!\is_resource($this->process)) {
            return;
        }
        proc_terminate($this->process, SIGTERM);
        $deadline = microtime(true) + self::STOP_TIMEOUT_S;
        while (proc_get_status($this->process)['running']) {
            if (microtime(true) > $deadline) {
                proc_terminate($this->process, SIGKILL);
                break;
            }
            usleep(50_000);
        }
        proc_close($this->process);
        @unlink($this->log);
    }

    private function output(): string
    {
        return substr((string) @file_get_contents($this->log), -4000);
    }

    /**
     * Ports the kernel calls free now. Another process may take one before the server binds it; the start then
     * fails with the server's own message.
     *
     * @return list<int>
     */
    public static function freePorts(int $count): array
    {
        $sockets = [];
        $ports = [];
        for ($i = 0; $i < $count; $i++) {
            $sockets[] = $socket = stream_socket_server('tcp://127.0.0.1:0');
            $ports[] = (int) parse_url('tcp://' . stream_socket_get_name($socket, false), PHP_URL_PORT);
        }
        array_map(fclose(...), $sockets);
        return $ports;
    }
}
