<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Worker\Internal\ActivityTaskHost;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcessPool;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\PhpCommand;
use TrueAsync\Temporal\Worker\Internal\RunningActivityExecutor;

/**
 * Runs each activity in one of a pool of PHP processes, for activity code that blocks (PDO, curl, an SDK of a
 * payment provider): while one blocks, the worker process goes on with workflow tasks and other activities.
 *
 * The processes are forks of a template process, a fresh PHP process started like this one (same binary, same
 * ini settings) that loads Composer's autoloader and the SDK's code once, so the processes share it. Each runs
 * the bootstrap file after the fork (a connection it opens is its own): it must return a closure that
 * registers the activities on the ActivityProcessSetup it is given (and may set a data converter and add
 * activity interceptors). Activities are not registered on the Worker then; the worker's and client's
 * interceptors are objects of the worker process and do not reach the processes: add the activity ones in
 * the bootstrap. Needs the pcntl, posix and sockets extensions. The worker asks the server for at most as many activities
 * as there are processes, so a task never waits for a process. The core worker, its slots, heartbeats and
 * completions stay in the worker process; a process runs one activity at a time.
 *
 * A cancelled activity sees the cancellation at its next heartbeat; one that does not finish within the
 * cancellation grace period is sent SIGTERM, then SIGKILL after another such period, and reported cancelled.
 * One that runs past its start-to-close timeout plus that period is stopped the same way. A process that
 * exits or crashes fails its attempt (type "ActivityProcessExited", retryable) and is replaced.
 */
final class ProcessPoolActivityExecutor implements ActivityExecutor
{
    private int $processes = 8;
    private float $cancellationGracePeriod = 5.0;
    /** @var list<string>|null */
    private ?array $phpCommand = null;

    private const EXTENSIONS = ['pcntl', 'posix', 'sockets'];

    /**
     * @throws \ValueError the bootstrap file does not exist or cannot be read
     * @throws \LogicException an extension the pool needs is not loaded
     */
    public function __construct(private readonly string $bootstrapFile)
    {
        $missing = array_values(array_filter(self::EXTENSIONS, static fn (string $e): bool => !\extension_loaded($e)));
        if ($missing !== []) {
            throw new \LogicException(\sprintf(
                'ProcessPoolActivityExecutor needs the PHP extensions %s; not loaded: %s',
                implode(', ', self::EXTENSIONS),
                implode(', ', $missing),
            ));
        }
        if (!is_file($bootstrapFile) || !is_readable($bootstrapFile)) {
            throw new \ValueError(\sprintf(
                'ProcessPoolActivityExecutor: the bootstrap file "%s" does not exist or cannot be read',
                $bootstrapFile,
            ));
        }
    }

    /** How many activity processes (default 8): the most activities this worker runs at once. */
    public function withProcesses(int $processes): self
    {
        if ($processes < 1 || $processes > 1024) {
            throw new \ValueError("ProcessPoolActivityExecutor::withProcesses(): must be 1 to 1024, got $processes");
        }
        $copy = clone $this;
        $copy->processes = $processes;
        return $copy;
    }

    /** How long a cancelled (or overdue) activity may go on before its process is terminated (default 5 s). */
    public function withCancellationGracePeriod(float $seconds): self
    {
        $copy = clone $this;
        $copy->cancellationGracePeriod = ProtoTime::seconds($seconds, 'ProcessPoolActivityExecutor::withCancellationGracePeriod()');
        return $copy;
    }

    /**
     * The command that starts PHP for the template process (its script is appended). By default, the binary
     * and the interpreter options (-c, -d, -n) this process was started with.
     *
     * @param list<string> $command
     */
    public function withPhpCommand(string ...$command): self
    {
        if ($command === []) {
            throw new \ValueError('ProcessPoolActivityExecutor::withPhpCommand(): the command must not be empty');
        }
        $copy = clone $this;
        $copy->phpCommand = array_values($command);
        return $copy;
    }

    public function getProcesses(): int
    {
        return $this->processes;
    }

    /** @internal */
    public function open(ActivityTaskHost $host): RunningActivityExecutor
    {
        $command = [...($this->phpCommand ?? PhpCommand::ofThisProcess()), ...PhpCommand::activityProcess(
            $this->bootstrapFile,
            $host->taskQueue,
        )];
        return new ActivityProcessPool($host, $command, $this->processes, $this->cancellationGracePeriod);
    }

    /** @internal */
    public function capacity(): ?int
    {
        return $this->processes;
    }

    /** @internal */
    public function registersOwnActivities(): bool
    {
        return true;
    }
}
