<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\ActivityTask;
use TrueAsync\Temporal\Worker\ActivityProcessSetup;
use TrueAsync\Temporal\Worker\Internal\ActivityInvocation;

/**
 * The template process of a pool: a fresh PHP process that loads the SDK's code once and then forks each
 * activity process, so they share its compiled classes and protobuf descriptors copy-on-write instead of
 * each compiling its own. It runs no core runtime (it never calls the bridge), so a fork of it is safe; it
 * holds no connection (the bootstrap runs in each forked process, after the fork, so a PDO or curl handle
 * it opens belongs to that process alone).
 *
 * Requests come one at a time on its control socket: FORK (with the new process's socket attached) answers
 * FORKED and its pid; REAP pid waits for that process (the worker asks once the process's socket closed) and
 * answers REAPED "exited N" or "signaled N"; QUIT or the worker gone ends it.
 *
 * @internal
 */
final class ActivityProcessTemplateMain
{
    /** @var resource|null an activity process's stdin, kept open for its life */
    private static $stdin = null;
    private string $buffer = '';
    /** @var list<array{string, string}> requests received, not yet served */
    private array $frames = [];
    /** The socket that came with the last message: the new process's end, for the FORK in it. */
    private ?\Socket $attached = null;

    /** @param resource $control */
    private function __construct(private $control, private readonly \Socket $controlSocket)
    {
    }

    /** @param resource $control */
    public static function run($control, string $bootstrapFile, string $taskQueue): void
    {
        self::preload();
        $template = new self($control, socket_import_stream($control));
        Frame::write($control, Frame::encode(Frame::READY));
        $template->serve($bootstrapFile, $taskQueue);
    }

    /** Loads what every activity process needs, so the forked processes share it instead of loading it. */
    private static function preload(): void
    {
        foreach ([ActivityTask::class, ActivityExecutionResult::class, ActivityHeartbeat::class] as $message) {
            new $message();  // registers the protobuf descriptors of the messages a process exchanges
        }
        foreach ([ActivityProcessMain::class, ActivityProcessSetup::class, ActivityInvocation::class] as $class) {
            class_exists($class);
        }
    }

    private function serve(string $bootstrapFile, string $taskQueue): void
    {
        while (($request = $this->receive()) !== null) {
            [$kind, $body, $socket] = $request;
            if ($kind === Frame::QUIT) {
                return;
            }
            $reply = match ($kind) {
                Frame::FORK => $this->fork($socket, $bootstrapFile, $taskQueue),
                Frame::REAP => $this->reap((int) $body),
                default => throw new \UnexpectedValueException('unknown request ' . bin2hex($kind)),
            };
            Frame::write($this->control, $reply);
        }
    }

    private function fork(?\Socket $socket, string $bootstrapFile, string $taskQueue): string
    {
        if ($socket === null) {
            return Frame::encode(Frame::FORKED, 'error: no socket came with the request');
        }
        $pid = pcntl_fork();
        if ($pid === 0) {
            $this->becomeActivityProcess($socket, $bootstrapFile, $taskQueue);
        }
        socket_close($socket);  // the process's end is the process's alone: its exit must close it
        return Frame::encode(Frame::FORKED, $pid > 0 ? (string) $pid : 'error: ' . pcntl_strerror(pcntl_get_last_error()));
    }

    private function becomeActivityProcess(\Socket $socket, string $bootstrapFile, string $taskQueue): never
    {
        // The control socket is the template's stdin: closed, so no process but the template holds it; the
        // activity's stdin is /dev/null, as the worker's processes have it.
        fclose($this->control);
        self::$stdin = fopen('/dev/null', 'r');
        // A process group of its own, as the template's: a Ctrl-C at the terminal reaches the worker only.
        posix_setpgid(0, 0);
        $process = ActivityProcessMain::boot(socket_export_stream($socket), $bootstrapFile, $taskQueue);
        $process?->run();
        exit($process === null ? 1 : 0);
    }

    private function reap(int $pid): string
    {
        $status = 0;
        if (pcntl_waitpid($pid, $status) !== $pid) {
            return Frame::encode(Frame::REAPED, 'error: ' . pcntl_strerror(pcntl_get_last_error()));
        }
        return Frame::encode(Frame::REAPED, pcntl_wifsignaled($status)
            ? 'signaled ' . pcntl_wtermsig($status)
            : 'exited ' . pcntl_wexitstatus($status));
    }

    /** @return array{string, string, ?\Socket}|null the next request, with the socket a FORK brought along */
    private function receive(): ?array
    {
        while ($this->frames === []) {
            $message = ['name' => [], 'buffer_size' => 1 << 16,
                'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1)];
            if (@socket_recvmsg($this->controlSocket, $message) < 1) {
                return null;  // the worker is gone
            }
            $this->buffer .= implode('', $message['iov'] ?? []);
            foreach ($message['control'] ?? [] as $control) {
                foreach ($control['data'] ?? [] as $socket) {
                    $this->attached = $socket instanceof \Socket ? $socket : null;
                }
            }
            $this->frames = Frame::decode($this->buffer);
        }
        [$kind, $body] = array_shift($this->frames);
        if ($kind !== Frame::FORK) {
            return [$kind, $body, null];
        }
        [$socket, $this->attached] = [$this->attached, null];
        return [$kind, $body, $socket];
    }
}
