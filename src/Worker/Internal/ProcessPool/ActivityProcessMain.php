<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\ActivityTask;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Worker\ActivityProcessSetup;
use TrueAsync\Temporal\Worker\Internal\ActivityInvocation;
use TrueAsync\Temporal\Worker\Internal\ActivityChannel;

/**
 * An activity process: runs its bootstrap, then the tasks the worker sends, one at a time, each in a Fiber
 * (so Activity:: works as in the worker), and sends back heartbeats and the result. Blocking reads: the
 * process has nothing else to do. A cancellation is read at the activity's next heartbeat.
 *
 * @internal
 */
final class ActivityProcessMain implements ActivityChannel
{
    private string $buffer = '';
    private ?ActivityContext $current = null;
    private bool $quit = false;
    private bool $workerShuttingDown = false;

    /** @param resource $socket */
    private function __construct(private $socket, private readonly ActivityInvocation $invocation)
    {
    }

    /** @param resource $socket */
    public static function boot($socket, string $bootstrapFile, string $taskQueue): ?self
    {
        try {
            $setup = new ActivityProcessSetup();
            $configure = require $bootstrapFile;
            if (!$configure instanceof \Closure) {
                throw new \LogicException('it must return a closure that takes an ActivityProcessSetup, returned '
                    . get_debug_type($configure));
            }
            $configure($setup);
        } catch (\Throwable $e) {
            Frame::write($socket, Frame::encode(Frame::FATAL, \sprintf(
                'the activity process bootstrap %s failed: %s: %s',
                $bootstrapFile,
                $e::class,
                $e->getMessage(),
            )));
            return null;
        }
        $invocation = new ActivityInvocation($setup->getRegistry(), $setup->getDataConverter(), $taskQueue,
            $setup->getInterceptors());
        return new self($socket, $invocation);
    }

    public function run(): void
    {
        Frame::write($this->socket, Frame::encode(Frame::READY));
        while (!$this->quit && ($frames = $this->receive(blocking: true)) !== null) {
            foreach ($frames as [$kind, $body]) {
                match ($kind) {
                    Frame::START => $this->execute($body),
                    Frame::QUIT => $this->quit = true,
                    Frame::SHUTDOWN => $this->workerShuttingDown = true,
                    default => null,  // a cancellation that came after the attempt ended
                };
            }
        }
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        Frame::write($this->socket, Frame::encode(Frame::HEARTBEAT, $heartbeat->serializeToString()));
        $this->handleWhileRunning($this->receive(blocking: false) ?? []);
    }

    /** Blocks the process (it has nothing else to do) until the notice, a cancellation, or $seconds pass. */
    public function awaitWorkerShutdown(ActivityContext $context, float $timeoutSeconds): void
    {
        $deadline = hrtime(true) / 1e9 + $timeoutSeconds;
        while (!$context->isWorkerShuttingDown() && !$context->isCancelRequested()) {
            $remaining = $deadline - hrtime(true) / 1e9;
            if ($remaining <= 0) {
                return;
            }
            $read = [$this->socket];
            $write = $except = null;
            [$seconds, $microseconds] = [null, 0];
            if (is_finite($remaining)) {
                $total = (int) ceil($remaining * 1e6);
                [$seconds, $microseconds] = [intdiv($total, 1_000_000), $total % 1_000_000];
            }
            $ready = @stream_select($read, $write, $except, $seconds, $microseconds);
            if ($ready > 0) {
                $frames = $this->receive(blocking: false);
                $frames === null
                    ? $context->requestCancel(ActivityCancelReason::WORKER_SHUTDOWN)  // the worker is gone
                    : $this->handleWhileRunning($frames);
            }
        }
    }

    /** @param list<array{string, string}> $frames what came while an attempt runs */
    private function handleWhileRunning(array $frames): void
    {
        foreach ($frames as [$kind, $body]) {
            match ($kind) {
                Frame::CANCEL => $this->current?->requestCancel(
                    ActivityCancelReason::tryFrom((int) $body) ?? ActivityCancelReason::CANCELLED,
                ),
                Frame::SHUTDOWN => $this->noticeShutdown(),
                Frame::QUIT => $this->quitNow(),
                default => null,
            };
        }
    }

    private function noticeShutdown(): void
    {
        $this->workerShuttingDown = true;
        $this->current?->notifyWorkerShutdown();
    }

    private function quitNow(): void
    {
        $this->quit = true;
        $this->current?->requestCancel(ActivityCancelReason::WORKER_SHUTDOWN);
    }

    private function execute(string $body): void
    {
        $task = new ActivityTask();
        $task->mergeFromString($body);
        $start = $task->getStart();
        $context = $this->invocation->context($task->getTaskToken(), $start, $this);
        if ($this->workerShuttingDown) {
            $context->notifyWorkerShutdown();
        }
        $this->current = $context;
        $fiber = new \Fiber(fn (): ActivityExecutionResult => $this->invocation->run($context, $start));
        $context->bind($fiber);
        try {
            $fiber->start();
            $result = $fiber->isTerminated() ? $fiber->getReturn() : $this->invocation->failed(
                new \LogicException('the activity suspended its Fiber, which nothing in an activity process resumes'),
            );
        } finally {
            $this->current = null;
        }
        Frame::write($this->socket, Frame::encode(Frame::DONE, $result->serializeToString()));
    }

    /** @return list<array{string, string}>|null null at end of file: the worker is gone */
    private function receive(bool $blocking): ?array
    {
        stream_set_blocking($this->socket, $blocking);
        do {
            $chunk = @fread($this->socket, 1 << 16);
            if ($chunk === false || ($chunk === '' && feof($this->socket))) {
                return null;
            }
            $this->buffer .= $chunk;
            $frames = Frame::decode($this->buffer);
        } while ($frames === [] && $blocking);
        stream_set_blocking($this->socket, true);
        return $frames;
    }
}
