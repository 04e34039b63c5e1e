<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\ActivityTask;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Exception\ActivityProcessException;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;

/**
 * The worker's side of a process pool: starts the processes, hands each task to an idle one, relays
 * heartbeats to the core and cancellations to the process, stops overdue ones, and replaces those that exit.
 * Each process has a reader Fiber on the worker's scheduler; every attempt ends in exactly one completion.
 *
 * @internal
 */
final class ActivityProcessPool implements RunningActivityExecutor
{
    private const SIGTERM = 15;
    private const SIGKILL = 9;

    /** @var array<int, ActivityProcess> pid => process */
    private array $processes = [];
    /** @var list<array{string, Start}> tasks that arrived while no process was idle (one was being replaced) */
    private array $queued = [];
    /** @var array<string, ActivityProcess> task token => the process running it */
    private array $running = [];
    private bool $closing = false;
    private bool $shuttingDown = false;
    private ?ActivityProcessTemplate $template = null;

    /** @param list<string> $command the template process's */
    public function __construct(
        private readonly ActivityTaskHost $host,
        array $command,
        int $size,
        private readonly float $gracePeriod,
    ) {
        try {
            $this->template = ActivityProcessTemplate::start($command);
        } catch (ActivityProcessException $e) {
            $this->host->failWorker($e);
            return;
        }
        for ($i = 0; $i < $size; $i++) {
            $this->startProcess();
        }
    }

    public function execute(string $token, Start $start): void
    {
        $this->queued[] = [$token, $start];
        $this->dispatch();
    }

    public function cancel(string $token, ActivityCancelReason $reason): void
    {
        foreach ($this->queued as $i => [$queuedToken]) {
            if ($queuedToken === $token) {
                array_splice($this->queued, $i, 1);
                $this->completeLater($token, $this->cancelledResult($reason));
                return;
            }
        }
        $process = $this->running[$token] ?? null;
        if ($process !== null && $process->stopReason === null) {
            $process->stopReason = $reason;
            $process->send(Frame::CANCEL, (string) $reason->value);
            $this->armStop($process, $this->gracePeriod);
        }
    }

    public function notifyWorkerShutdown(): void
    {
        $this->shuttingDown = true;
        foreach ($this->processes as $process) {
            $process->send(Frame::SHUTDOWN);
        }
    }

    public function close(): void
    {
        $this->closing = true;
        foreach ($this->processes as $process) {
            $process->send(Frame::QUIT);
        }
        $this->quitTemplateOnceDrained();
    }

    private function quitTemplateOnceDrained(): void
    {
        if ($this->closing && $this->processes === []) {
            $this->template?->quit();
            $this->template = null;
        }
    }

    private function startProcess(): void
    {
        if ($this->template === null) {
            return;
        }
        try {
            $process = ActivityProcess::start($this->template);
        } catch (ActivityProcessException $e) {
            $this->host->failWorker($e);
            return;
        }
        $this->processes[$process->pid] = $process;
        $this->host->scheduler->spawn(fn () => $this->serve($process));
    }

    /** The reader Fiber of one process: runs until the process exits. */
    private function serve(ActivityProcess $process): void
    {
        while (($frames = $process->receive($this->host->scheduler)) !== null) {
            foreach ($frames as [$kind, $body]) {
                $this->handle($process, $kind, $body);
            }
        }
        try {
            $how = $process->awaitExit();
        } catch (ActivityProcessException $e) {
            $this->host->failWorker($e);
            $how = 'ended (how is unknown)';
        }
        $this->exited($process, $how);
    }

    private function handle(ActivityProcess $process, string $kind, string $body): void
    {
        match ($kind) {
            Frame::READY => $this->becameIdle($process),
            Frame::HEARTBEAT => $this->host->core->recordActivityHeartbeat($body),
            Frame::DONE => $this->finished($process, $body),
            Frame::FATAL => $this->host->failWorker(new ActivityProcessException($body)),
            default => $this->host->failWorker(new ActivityProcessException(
                "activity process {$process->pid} sent an unknown message kind " . bin2hex($kind),
            )),
        };
    }

    private function finished(ActivityProcess $process, string $body): void
    {
        $token = $process->token;
        if ($token === null) {
            return;
        }
        $result = new ActivityExecutionResult();
        $result->mergeFromString($body);
        $this->release($process);
        $this->becameIdle($process);
        $this->host->complete($token, $result);
    }

    private function exited(ActivityProcess $process, string $how): void
    {
        unset($this->processes[$process->pid]);
        $token = $process->token;
        if ($token !== null) {
            $result = $this->resultOfExit($process, $how);
            $this->release($process);
            $this->host->complete($token, $result);
        }
        if (!$process->ready && !$this->closing) {
            // It never got through its bootstrap: another would fail the same way.
            $this->host->failWorker(new ActivityProcessException(
                "an activity process (pid {$process->pid}) $how before it was ready: see its output for the bootstrap's error",
            ));
            $this->failQueued('the activity processes cannot start');
            return;
        }
        if (!$this->closing) {
            $this->startProcess();
        }
        $this->quitTemplateOnceDrained();
    }

    private function resultOfExit(ActivityProcess $process, string $how): ActivityExecutionResult
    {
        if ($process->stopReason !== null) {
            return $this->cancelledResult($process->stopReason);
        }
        $what = $process->overdue ? 'ran past its start-to-close timeout and was stopped: it' : 'running it';
        return $this->host->invocation->failed(ApplicationFailure::create(
            "the activity process (pid {$process->pid}) $what $how",
            'ActivityProcessExited',
        ));
    }

    private function becameIdle(ActivityProcess $process): void
    {
        $process->ready = true;
        $this->dispatch();
    }

    private function dispatch(): void
    {
        foreach ($this->processes as $process) {
            if ($this->queued === []) {
                return;
            }
            if ($process->ready && $process->token === null) {
                [$token, $start] = array_shift($this->queued);
                $this->assign($process, $token, $start);
            }
        }
    }

    private function assign(ActivityProcess $process, string $token, Start $start): void
    {
        $process->token = $token;
        $process->attempt++;
        $this->running[$token] = $process;
        $task = new ActivityTask(['task_token' => $token, 'start' => $start]);
        if ($this->shuttingDown) {
            $process->send(Frame::SHUTDOWN);  // a process started since the notice went out
        }
        $process->send(Frame::START, $task->serializeToString());
        $startToClose = $start->getStartToCloseTimeout();
        if ($startToClose !== null) {
            $this->armStop($process, ProtoTime::durationSeconds($startToClose) + $this->gracePeriod, overdue: true);
        }
    }

    private function release(ActivityProcess $process): void
    {
        unset($this->running[$process->token]);
        $process->token = null;
        $process->stopReason = null;
        $process->overdue = false;
    }

    /**
     * After $seconds, a process still on the same attempt gets SIGTERM, and SIGKILL a grace period later. A
     * background timer: the process's reader Fiber keeps the worker running while the process lives.
     */
    private function armStop(ActivityProcess $process, float $seconds, bool $overdue = false): void
    {
        $attempt = $process->attempt;
        $this->host->scheduler->spawn(function () use ($process, $seconds, $attempt, $overdue): void {
            $this->host->scheduler->sleep($seconds, background: true);
            if ($process->attempt !== $attempt || $process->token === null) {
                return;
            }
            $process->overdue = $process->overdue || ($overdue && $process->stopReason === null);
            $process->signal(self::SIGTERM);
            $this->host->scheduler->sleep($this->gracePeriod, background: true);
            if ($process->attempt === $attempt && $process->token !== null) {
                $process->signal(self::SIGKILL);
            }
        });
    }

    private function cancelledResult(ActivityCancelReason $reason): ActivityExecutionResult
    {
        return $this->host->invocation->cancelled(ActivityCanceledException::because($reason));
    }

    private function failQueued(string $why): void
    {
        foreach (array_splice($this->queued, 0) as [$token]) {
            $this->completeLater($token, $this->host->invocation->failed(
                ApplicationFailure::create($why, 'ActivityProcessExited'),
            ));
        }
    }

    /** Completes from a Fiber of its own: the caller may be outside the scheduler's Fibers. */
    private function completeLater(string $token, ActivityExecutionResult $result): void
    {
        $this->host->scheduler->spawn(fn () => $this->host->complete($token, $result));
    }
}
