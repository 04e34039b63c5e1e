<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Exception\ActivityProcessException;

/**
 * The worker's side of a pool's template process (ActivityProcessTemplateMain): a fresh PHP process started
 * with proc_open — never a fork of the worker, whose core runtime's threads a fork would not carry — that
 * forks the activity processes, so they share the SDK's compiled code instead of each loading its own.
 *
 * Its control socket is its stdin. A request is answered within milliseconds (a fork; the reaping of a
 * process whose socket already closed), so the worker waits for the answer without suspending, bounded by
 * ANSWER_TIMEOUT_SECONDS.
 *
 * @internal
 */
final class ActivityProcessTemplate
{
    private const ANSWER_TIMEOUT_SECONDS = 30;

    private string $buffer = '';
    private int $answerTimeoutSeconds = self::ANSWER_TIMEOUT_SECONDS;

    /**
     * @param resource $process
     * @param resource $control
     */
    private function __construct(
        private $process,
        private $control,
        private readonly \Socket $controlSocket,
        public readonly int $pid,
    ) {
    }

    /**
     * @param list<string> $command
     * @param int $answerTimeoutSeconds how long to wait for any answer (tests shorten it)
     * @throws ActivityProcessException it cannot start, exits before it is ready, or does not say it is ready
     *     in time (it is then killed: a template that hangs at start would hang there for good)
     */
    public static function start(array $command, int $answerTimeoutSeconds = self::ANSWER_TIMEOUT_SECONDS): self
    {
        $process = @proc_open($command, [0 => ['socket']], $pipes);
        if ($process === false) {
            throw new ActivityProcessException('cannot start the activity process template: ' . (error_get_last()['message'] ?? '?'));
        }
        $template = new self($process, $pipes[0], socket_import_stream($pipes[0]), proc_get_status($process)['pid']);
        $template->answerTimeoutSeconds = $answerTimeoutSeconds;
        try {
            $template->answer(Frame::READY);
        } catch (ActivityProcessException $e) {
            proc_terminate($process, 9);
            fclose($pipes[0]);
            proc_close($process);
            throw $e;
        }
        return $template;
    }

    /**
     * Forks an activity process, which runs the pool's bootstrap, then says READY on its socket.
     *
     * @return array{int, resource} its pid and the worker's end of its socket
     * @throws ActivityProcessException
     */
    public function fork(): array
    {
        [$mine, $theirs] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
        $sent = @socket_sendmsg($this->controlSocket, ['iov' => [Frame::encode(Frame::FORK)], 'control' => [
            ['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$theirs]],
        ]]);
        fclose($theirs);  // the process's end is the process's alone: its exit must close it
        $pid = $sent === false ? 'error: the template process is gone' : $this->answer(Frame::FORKED);
        if (!ctype_digit($pid)) {
            fclose($mine);
            throw new ActivityProcessException("cannot start an activity process: $pid");
        }
        return [(int) $pid, $mine];
    }

    /**
     * Waits for a process whose socket closed (so it is exiting) and says how it ended.
     *
     * @return string "exited N" or "signaled N"
     * @throws ActivityProcessException
     */
    public function reap(int $pid): string
    {
        if (!Frame::write($this->control, Frame::encode(Frame::REAP, (string) $pid))) {
            throw new ActivityProcessException("cannot learn how activity process $pid ended: the template process is gone");
        }
        $how = $this->answer(Frame::REAPED);
        if (str_starts_with($how, 'error: ')) {
            throw new ActivityProcessException("cannot learn how activity process $pid ended: $how");
        }
        return $how;
    }

    /** Lets it exit (once the pool's processes have), and waits for that. */
    public function quit(): void
    {
        Frame::write($this->control, Frame::encode(Frame::QUIT));
        fclose($this->control);
        proc_close($this->process);
    }

    /** @throws ActivityProcessException */
    private function answer(string $kind): string
    {
        stream_set_timeout($this->control, $this->answerTimeoutSeconds);
        for (;;) {
            $frames = Frame::decode($this->buffer);
            if ($frames !== []) {
                [[$answered, $body]] = $frames;
                if ($answered !== $kind) {
                    throw new ActivityProcessException('the activity process template answered ' . bin2hex($answered));
                }
                return $body;
            }
            $chunk = fread($this->control, 1 << 16);
            if (stream_get_meta_data($this->control)['timed_out']) {
                throw new ActivityProcessException(\sprintf(
                    'the activity process template did not answer within %d s',
                    $this->answerTimeoutSeconds,
                ));
            }
            if ($chunk === false || ($chunk === '' && feof($this->control))) {
                throw new ActivityProcessException('the activity process template exited: see its output');
            }
            $this->buffer .= $chunk;
        }
    }
}
