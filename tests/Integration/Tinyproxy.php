<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration;

use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * A Debian tinyproxy in the foreground, with a config file of its own in a temporary directory: listening on a
 * free port of 127.0.0.1, allowing CONNECT only to one port (its default allows 443 only), logging each
 * CONNECT, optionally requiring basic auth.
 */
final class Tinyproxy
{
    private const READY_TIMEOUT_S = 60.0;

    private function __construct(private ?ChildProcess $process, private string $dir, private int $port)
    {
    }

    /**
     * Starts it and returns once it accepts connections.
     *
     * @param int $connectPort the one port it opens tunnels to (the server's)
     * @param ?array{string, string} $basicAuth user and password it requires
     * @throws \RuntimeException it did not start, or did not accept connections in time
     */
    public static function start(int $connectPort, ?array $basicAuth = null): self
    {
        $dir = sys_get_temp_dir() . '/php-temporal-tinyproxy-' . bin2hex(random_bytes(6));
        mkdir($dir, 0700);
        $port = self::freePort();
        $config = "Port $port\nListen 127.0.0.1\nAllow 127.0.0.1\nConnectPort $connectPort\n"
            . "LogLevel Connect\nLogFile \"$dir/tinyproxy.log\"\nMaxClients 100\nTimeout 600\n";
        if ($basicAuth !== null) {
            $config .= "BasicAuth {$basicAuth[0]} {$basicAuth[1]}\n";
        }
        file_put_contents("$dir/tinyproxy.conf", $config);
        $proxy = new self(ChildProcess::start(['tinyproxy', '-d', '-c', "$dir/tinyproxy.conf"], 'tinyproxy'), $dir, $port);
        $proxy->awaitListening();
        return $proxy;
    }

    public function address(): string
    {
        return "127.0.0.1:{$this->port}";
    }

    /** What it logged so far (at LogLevel Connect: each client connection and its CONNECT request line). */
    public function log(): string
    {
        return (string) @file_get_contents("{$this->dir}/tinyproxy.log");
    }

    /** Stops it (its open tunnels close with it) and removes its files; idempotent. */
    public function stop(): void
    {
        $this->process?->stop();
        $this->process = null;
        foreach (glob("{$this->dir}/*") ?: [] as $file) {
            unlink($file);
        }
        @rmdir($this->dir);
    }

    private function awaitListening(): void
    {
        $deadline = microtime(true) + self::READY_TIMEOUT_S;
        while (true) {
            if (!$this->process->isRunning()) {
                $output = $this->process->output();
                $this->stop();
                throw new \RuntimeException("tinyproxy exited at start (is it installed? scripts/install-deps.sh):\n$output");
            }
            $socket = @stream_socket_client('tcp://' . $this->address(), $errno, $error, 1.0);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            if (microtime(true) >= $deadline) {
                $this->stop();
                throw new \RuntimeException("tinyproxy did not listen on {$this->address()} within "
                    . self::READY_TIMEOUT_S . " s: $error");
            }
            usleep(50_000);
        }
    }

    /** A port the OS has just handed out and released; tinyproxy binds it next. */
    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
        if ($socket === false) {
            throw new \RuntimeException("cannot find a free port: $error");
        }
        $port = (int) substr((string) strrchr((string) stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        return $port;
    }
}
