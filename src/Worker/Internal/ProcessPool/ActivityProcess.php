<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Exception\ActivityProcessException;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;

/**
 * The worker's side of one activity process (a child of the pool's template process): its pid, the socket to
 * it, and the attempt it runs.
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
    /** Set once the template reaped it: its pid may belong to another process from then on. */
    private bool $reaped = false;

    /** @param resource $socket */
    private function __construct(
        private readonly ActivityProcessTemplate $template,
        private $socket,
        public readonly int $pid,
    ) {
    }

    /** @throws ActivityProcessException */
    public static function start(ActivityProcessTemplate $template): self
    {
        [$pid, $socket] = $template->fork();
        return new self($template, $socket, $pid);
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
        if (!$this->reaped) {
            posix_kill($this->pid, $signal);
        }
    }

    /**
     * After end of file (it closed its socket, so it is exiting): has the template reap it and says how it ended.
     *
     * @throws ActivityProcessException the template cannot tell
     */
    public function awaitExit(): string
    {
        fclose($this->socket);
        [$how, $number] = explode(' ', $this->template->reap($this->pid)) + ['', '0'];
        $this->reaped = true;
        return $how === 'signaled' ? self::describeSignal((int) $number) : "exited with status $number";
    }

    // Linux numbers: the pcntl constants may not be there.
    private const SIGNAL_NAMES = [2 => 'SIGINT', 4 => 'SIGILL', 6 => 'SIGABRT', 7 => 'SIGBUS', 8 => 'SIGFPE',
        9 => 'SIGKILL', 11 => 'SIGSEGV', 15 => 'SIGTERM'];

    private static function describeSignal(int $signal): string
    {
        return "was killed by signal $signal" . (isset(self::SIGNAL_NAMES[$signal]) ? ' (' . self::SIGNAL_NAMES[$signal] . ')' : '');
    }
}
