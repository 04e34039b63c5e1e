<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Worker\Internal\Reload\HotReloader;
use TrueAsync\Temporal\Worker\Internal\Reload\ProcessCommand;
use TrueAsync\Temporal\Worker\Internal\Reload\ReloadHandover;
use TrueAsync\Temporal\Worker\Internal\Reload\ReplayCheck;
use TrueAsync\Temporal\Worker\Internal\Reload\ReplayCheckMode;

/**
 * Runs any number of workers (one per task queue) in this process, on one Fiber scheduler driven by the
 * extension's completion queue. SIGINT and SIGTERM start a graceful shutdown when pcntl is available.
 *
 * On stock PHP one process runs one thing at a time: an activity that blocks (sleep(), a synchronous HTTP
 * call) blocks every other activity and workflow task of this process until it returns. Run blocking
 * activities in activity-only worker processes, and scale out with more processes.
 */
final class WorkerFactory
{
    /** @var list<Worker> */
    private array $workers = [];

    private function __construct(private readonly Client $client)
    {
    }

    public static function create(Client $client): self
    {
        return new self($client);
    }

    public function newWorker(string $taskQueue = 'default', ?WorkerOptions $options = null): Worker
    {
        if ($taskQueue === '') {
            throw new \ValueError('the task queue name must not be empty');
        }
        Utf8::check($taskQueue, 'WorkerFactory::newWorker(): the task queue');
        $options ??= WorkerOptions::new();
        foreach ($this->client->getPlugins() as $plugin) {
            $options = $plugin->configureWorker($taskQueue, $options);
        }
        return $this->workers[] = new Worker($taskQueue, $options, $this->client);
    }

    /**
     * Runs every worker until all have shut down (shutdown(), or SIGINT/SIGTERM), every task completed.
     *
     * @throws \Throwable the first error that stopped a worker, after every worker has shut down
     */
    public function run(): void
    {
        $this->runWith(null);
    }

    /**
     * Development mode: runs every worker as run() does and watches $paths. When a watched file changes, the runs
     * the workers hold in their cache or finished recently are replayed on the new code, in a fresh PHP process
     * that runs this script again up to this call. If every run replays, the workers shut down gracefully (no
     * task is lost: in-flight tasks complete, and the others wait on the server) and this process restarts itself
     * on the new code (pcntl_exec: same PID, same command line). If one does not, the old code keeps running and
     * the non-determinism explainer's report is logged (docs/hot-reload.md). Code before this call runs again in
     * each check, so it should only set up: connect, create the workers, register.
     *
     * @param list<string> $paths files, or directories whose *.php files are watched (recursively)
     * @throws \ValueError no path, a path that does not exist, or a check interval that is not positive
     * @throws \LogicException pcntl is missing, or this process runs no script file
     * @throws \Throwable the first error that stopped a worker, as run()
     */
    public function runWithReload(array $paths, float $checkIntervalSeconds = 1.0): void
    {
        if (($checkDirectory = getenv(ReplayCheck::ENV)) !== false) {
            ReplayCheckMode::run($checkDirectory, $this->workers);
            exit(0);  // this process was the check: the worker is the one that started it
        }
        $this->checkReloadArguments($paths, $checkIntervalSeconds);
        $command = ProcessCommand::current();
        $scheduler = new FiberScheduler();
        $logger = null;
        foreach ($this->workers as $worker) {
            $logger ??= $worker->getOptions()->getLogger();
        }
        $reloader = new HotReloader(array_values($paths), $checkIntervalSeconds, $this->workers,
            new ReplayCheck($this->client, $scheduler, $command), $scheduler, $this->shutdown(...), $logger,
            ReloadHandover::take());
        $this->runWith($reloader->watch(...), $scheduler);
        if ($reloader->restartRequested()) {
            $reloader->passOn();
            pcntl_exec($command[0], \array_slice($command, 1));
            throw new \RuntimeException('WorkerFactory::runWithReload(): restarting failed: ' . pcntl_strerror(pcntl_get_last_error()));
        }
    }

    /** @param array<mixed> $paths */
    private function checkReloadArguments(array $paths, float $checkIntervalSeconds): void
    {
        if (!\function_exists('pcntl_exec')) {
            throw new \LogicException('WorkerFactory::runWithReload() needs the pcntl extension: it restarts the process with pcntl_exec()');
        }
        if ($paths === []) {
            throw new \ValueError('WorkerFactory::runWithReload(): no path to watch');
        }
        foreach ($paths as $path) {
            if (!\is_string($path) || !file_exists($path)) {
                throw new \ValueError(\sprintf('WorkerFactory::runWithReload(): %s is neither a file nor a directory', var_export($path, true)));
            }
        }
        if (!($checkIntervalSeconds > 0.0)) {
            throw new \ValueError("WorkerFactory::runWithReload(): the check interval must be positive, got $checkIntervalSeconds");
        }
    }

    /**
     * Runs every worker while $body runs in a Fiber of their scheduler, then shuts them down gracefully and
     * returns what $body returned (or throws what it threw). Client calls in $body suspend only its Fiber, so
     * a test or a script can start a workflow and wait for its result while this process's workers run it.
     *
     * @template T
     * @param \Closure(): T $body
     * @return T
     * @throws \Throwable the first error that stopped a worker (often why $body failed), else what $body threw
     */
    public function runUntil(\Closure $body): mixed
    {
        $outcome = null;
        $this->runWith(function () use ($body, &$outcome): void {
            try {
                $outcome = [true, $body()];
            } catch (\Throwable $e) {
                $outcome = [false, $e];
            } finally {
                $this->shutdown();
            }
        });
        [$returned, $value] = $outcome;
        if (!$returned) {
            throw $value;
        }
        return $value;
    }

    /** @param ?\Closure(): void $body run in a Fiber beside the workers */
    private function runWith(?\Closure $body, FiberScheduler $scheduler = new FiberScheduler()): void
    {
        $this->checkFiberBudget();
        $restore = $this->handleSignals();
        try {
            foreach ($this->workers as $worker) {
                $worker->start($scheduler);
            }
            if ($body !== null) {
                $scheduler->spawn($body);
            }
            $scheduler->run();
        } finally {
            $restore();
        }
        foreach ($this->workers as $worker) {
            if ($worker->getFailure() !== null) {
                throw $worker->getFailure();
            }
        }
    }

    /** Starts a graceful shutdown of every worker. Safe to call from a signal handler or an activity. */
    public function shutdown(): void
    {
        foreach ($this->workers as $worker) {
            $worker->shutdown();
        }
    }

    /**
     * Every suspended Fiber costs two memory mappings, so vm.max_map_count bounds them per process (65,530
     * allows 32,476 on Debian 12 / PHP 8.2, measured; fiber.stack_size does not matter). Half of it is kept
     * for workflow branches and handlers: past that a new Fiber would fail its workflow task.
     *
     * @throws \LogicException the workers' cache and slots could need more Fibers than that
     */
    private function checkFiberBudget(): void
    {
        $maps = (int) (@file_get_contents('/proc/sys/vm/max_map_count') ?: 65530);
        $budget = intdiv($maps, 4);
        $demand = array_sum(array_map(fn (Worker $w) => $w->getOptions()->fiberDemand(), $this->workers));
        if ($demand > $budget) {
            throw new \LogicException(\sprintf(
                'these workers may keep %d Fibers suspended (max cached workflows + concurrent activities + '
                . 'local activities), more than the %d this process can afford (vm.max_map_count = %d); lower '
                . 'withMaxCachedWorkflows() or the concurrency limits, run more processes, or raise vm.max_map_count',
                $demand,
                $budget,
                $maps,
            ));
        }
    }

    /** @return \Closure(): void puts the previous handlers back */
    private function handleSignals(): \Closure
    {
        if (!\function_exists('pcntl_signal')) {
            return static function (): void {
            };
        }
        $wasAsync = pcntl_async_signals(true);
        $previous = [];
        foreach ([SIGINT, SIGTERM] as $signal) {
            $previous[$signal] = pcntl_signal_get_handler($signal);
            pcntl_signal($signal, fn () => $this->shutdown());
        }
        return static function () use ($previous, $wasAsync): void {
            foreach ($previous as $signal => $handler) {
                pcntl_signal($signal, $handler);
            }
            pcntl_async_signals($wasAsync);
        };
    }
}
