<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

/**
 * The messages between the worker and an activity process, over a socket pair: a 4-byte big-endian length,
 * a one-byte kind, the body (protobuf bytes, or text).
 *
 * @internal
 */
final class Frame
{
    // Worker → process.
    public const START = 'S';   // coresdk ActivityTask with its Start
    public const CANCEL = 'C';  // the ActivityCancelReason's value
    public const QUIT = 'Q';    // finish and exit
    public const SHUTDOWN = 'N';  // the worker started its graceful shutdown (a notice, not a cancellation)
    // Process → worker.
    public const READY = 'R';      // the bootstrap ran: send tasks
    public const HEARTBEAT = 'H';  // coresdk ActivityHeartbeat
    public const DONE = 'D';       // coresdk ActivityExecutionResult of the running task
    public const FATAL = 'F';      // the bootstrap failed: the message
    // Worker → template process (ActivityProcessTemplateMain), one request at a time.
    public const FORK = 'K';    // start an activity process on the socket sent with it (SCM_RIGHTS)
    public const REAP = 'W';    // wait for the process of this pid, which closed its socket
    // Template process → worker.
    public const FORKED = 'P';  // its pid, or "error: ..."
    public const REAPED = 'E';  // "exited N", "signaled N" or "error: ..."

    public static function encode(string $kind, string $body = ''): string
    {
        return pack('N', \strlen($body)) . $kind . $body;
    }

    /**
     * Takes the complete frames off the front of $buffer.
     *
     * @return list<array{string, string}> kind and body of each
     */
    public static function decode(string &$buffer): array
    {
        $frames = [];
        while (\strlen($buffer) >= 5) {
            $length = unpack('N', $buffer)[1];
            if (\strlen($buffer) < 5 + $length) {
                break;
            }
            $frames[] = [$buffer[4], substr($buffer, 5, $length)];
            $buffer = substr($buffer, 5 + $length);
        }
        return $frames;
    }

    /** Writes all of $bytes to a blocking stream. @param resource $stream */
    public static function write($stream, string $bytes): bool
    {
        while ($bytes !== '') {
            $written = @fwrite($stream, $bytes);
            if ($written === false || $written === 0) {
                return false;
            }
            $bytes = substr($bytes, $written);
        }
        return true;
    }
}
