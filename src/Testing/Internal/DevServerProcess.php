<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Testing\DevServerOptions;

/**
 * A `temporal server start-dev` process of WorkflowEnvironment::startLocal(): started on free loopback ports,
 * ready once its namespace answers, stopped with SIGTERM (SIGKILL if it lingers). Its output goes to a log file
 * that a failed start quotes.
 *
 * @internal
 */
final class DevServerProcess
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
     * @return array{self, Client}
     * @throws \RuntimeException the CLI cannot be run, or the server does not serve within the start timeout
     */
    public static function start(DevServerOptions $options): array
    {
        $ports = self::freePorts($options->hasUi() ? 4 : 3);
        $command = $options->command($ports[0], $ports[1], $ports[2], $ports[3] ?? null);
        $log = tempnam(sys_get_temp_dir(), 'temporal-dev-server-');
        $process = @proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'],
            2 => ['file', $log, 'a']], $pipes);
        if (!\is_resource($process)) {
            throw new \RuntimeException("cannot run {$command[0]}: set DevServerOptions::withExecutable() or TEMPORAL_CLI");
        }
        $server = new self($process, $log, "127.0.0.1:$ports[0]",
            isset($ports[3]) ? "http://127.0.0.1:$ports[3]" : null);
        try {
            return [$server, $server->awaitServing($options)];
        } catch (\Throwable $e) {
            $server->stop();
            throw $e;
        }
    }

    /** Waits until the server answers for the namespace; the client that proved it is the environment's. */
    private function awaitServing(DevServerOptions $options): Client
    {
        $deadline = microtime(true) + $options->getStartTimeout();
        $connection = ConnectionOptions::new($this->address)->withNamespace($options->getNamespace())
            ->withConnectTimeout(5);
        while (true) {
            if (!proc_get_status($this->process)['running']) {
                throw new \RuntimeException("the dev server exited at start:\n" . $this->output());
            }
            try {
                $client = Client::connect($connection);
                $client->countWorkflows();  // the namespace exists and visibility answers
                return $client;
            } catch (\Throwable $e) {
                if (microtime(true) > $deadline) {
                    throw new \RuntimeException("the dev server did not serve within {$options->getStartTimeout()} s ("
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
    private static function freePorts(int $count): array
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
