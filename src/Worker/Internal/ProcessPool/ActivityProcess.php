<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Exception\ActivityProcessException;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;

/**
 * The worker's side of one activity process: the process, the socket to it, and the attempt it runs.
 *
 * @internal
 */
final class ActivityProcess
{
    public bool $ready = false;
    /** The task token of the attempt it runs; null when idle. */
    public ?string $token = null;
    /** Counts the attempts it was given, so a timer armed for one attempt leaves the next alone. */
    public int $attempt = 0;
    /** Why the worker stopped the running attempt (cancelled, overdue); null while nobody did. */
    public ?ActivityCancelReason $stopReason = null;
    public bool $overdue = false;
    private string $buffer = '';
    /** proc_get_status() reports an exit code once (PHP < 8.3): the status that saw the exit is kept. */
    private ?array $exitStatus = null;

    /**
     * @param resource $process
     * @param resource $socket
     */
    private function __construct(private $process, private $socket, public readonly int $pid)
    {
    }

    /**
     * @param list<string> $command
     * @throws ActivityProcessException proc_open failed
     */
    public static function start(array $command): self
    {
        // The socket pair is fd 3 of the child; stdout and stderr are the worker's, so activity output shows.
        $process = @proc_open($command, [0 => ['file', '/dev/null', 'r'], 3 => ['socket']], $pipes);
        if ($process === false) {
            throw new ActivityProcessException('cannot start an activity process: ' . (error_get_last()['message'] ?? '?'));
        }
        return new self($process, $pipes[3], proc_get_status($process)['pid']);
    }

    public function send(string $kind, string $body = ''): bool
    {
        return Frame::write($this->socket, Frame::encode($kind, $body));
    }

    /**
     * Waits for what the process sends next.
     *
     * @return list<array{string, string}>|null the frames that arrived; null at end of file (it exited)
     */
    public function receive(FiberScheduler $scheduler): ?array
    {
        for (;;) {
            $scheduler->awaitReadable($this->socket);
            $chunk = @fread($this->socket, 1 << 16);
            if ($chunk === false || ($chunk === '' && feof($this->socket))) {
                return null;
            }
            $this->buffer .= $chunk;
            $frames = Frame::decode($this->buffer);
            if ($frames !== []) {
                return $frames;
            }
        }
    }

    public function signal(int $signal): void
    {
        if ($this->hasExited() === false) {
            proc_terminate($this->process, $signal);
        }
    }

    /** After end of file: waits for the process to exit (it closed its socket, so it is exiting) and says how. */
    public function awaitExit(FiberScheduler $scheduler): string
    {
        fclose($this->socket);
        for ($wait = 0.001; !$this->hasExited(); $wait = min($wait * 2, 0.1)) {
            $scheduler->sleep($wait);
        }
        proc_close($this->process);
        $status = $this->exitStatus;
        return $status['signaled'] ? self::describeSignal($status['termsig']) : 'exited with status ' . $status['exitcode'];
    }

    private function hasExited(): bool
    {
        if ($this->exitStatus === null) {
            $status = proc_get_status($this->process);
            $this->exitStatus = $status['running'] ? null : $status;
        }
        return $this->exitStatus !== null;
    }

    // Linux numbers: the pcntl constants may not be there.
    private const SIGNAL_NAMES = [2 => 'SIGINT', 4 => 'SIGILL', 6 => 'SIGABRT', 7 => 'SIGBUS', 8 => 'SIGFPE',
        9 => 'SIGKILL', 11 => 'SIGSEGV', 15 => 'SIGTERM'];

    private static function describeSignal(int $signal): string
    {
        return "was killed by signal $signal" . (isset(self::SIGNAL_NAMES[$signal]) ? ' (' . self::SIGNAL_NAMES[$signal] . ')' : '');
    }
}
