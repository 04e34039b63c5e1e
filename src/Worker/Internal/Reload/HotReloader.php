<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

use Psr\Log\LoggerInterface;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Worker\Worker;

/**
 * WorkerFactory::runWithReload()'s watcher, a Fiber beside the workers: when the watched sources change, the
 * runs the workers hold or recently finished are replayed on the new code in a fresh process. If every one
 * replays, the workers are shut down gracefully (in-flight tasks complete) and restartRequested() turns true;
 * otherwise the old code keeps running, the explainer's report is logged, and the next change is checked again.
 *
 * @internal
 */
final class HotReloader
{
    private bool $restart = false;
    /** @var array<string, array<string, string>> the runs the last check replayed (read before the shutdown evicts them) */
    private array $checkedRuns = [];
    /** The sources running, or the last refused, or (after a restart) the last accepted. */
    private SourceSnapshot $checked;

    /**
     * @param list<string> $paths
     * @param list<Worker> $workers
     * @param \Closure(): void $shutdown
     * @param ReloadHandover $inherited what the process before a restart passed on: its runs, the sources it accepted
     */
    public function __construct(
        private readonly array $paths,
        private readonly float $checkIntervalSeconds,
        private readonly array $workers,
        private readonly ReplayCheck $check,
        private readonly FiberScheduler $scheduler,
        private readonly \Closure $shutdown,
        private readonly ?LoggerInterface $logger,
        private readonly ReloadHandover $inherited,
    ) {
        // Taken before the workers start; after a restart, what the check accepted: an edit saved while this
        // process started differs from it, and is checked.
        $this->checked = $inherited->accepted ?? SourceSnapshot::take($paths);
    }

    public function restartRequested(): bool
    {
        return $this->restart;
    }

    /** Called after restartRequested(): the runs the accepted check replayed and the sources it accepted. */
    public function passOn(): void
    {
        ReloadHandover::pass($this->checkedRuns, $this->checked);
    }

    public function watch(): void
    {
        while (true) {
            $this->scheduler->sleep($this->checkIntervalSeconds, background: true);
            $now = SourceSnapshot::take($this->paths);
            if ($now->equals($this->checked)) {
                continue;
            }
            $files = $this->checked->changedFiles($now);
            $this->checked = $now;
            if ($this->checkAndDecide($files)) {
                $this->restart = true;
                ($this->shutdown)();
                return;
            }
        }
    }

    /** @param list<string> $files */
    private function checkAndDecide(array $files): bool
    {
        $runs = $this->checkedRuns = $this->runsToReplay();
        $count = array_sum(array_map('count', $runs));
        $this->info("hot reload: the source changed, replaying $count runs on the new code", ['files' => $files]);
        try {
            $verdict = $this->check->run($runs);
        } catch (\Throwable $e) {
            $this->error('hot reload refused: the replay check failed: ' . $e->getMessage(), []);
            return false;
        }
        if ($verdict->loadError !== null) {
            $this->error('hot reload refused: ' . $verdict->loadError, []);
            return false;
        }
        foreach ($verdict->failures as $failure) {
            $this->error("hot reload refused: workflow {$failure['workflow_id']} (run {$failure['run_id']}) would not "
                . "replay on the new code; the old code keeps running\n{$failure['message']}", $failure);
        }
        if ($verdict->failures !== []) {
            return false;
        }
        $this->info("hot reload: {$verdict->replayed} runs replayed on the new code; restarting on it", []);
        return true;
    }

    /**
     * The workers' recent runs, then those inherited from before the last restart; one per workflow id and task
     * queue (the most recent: a replayer takes one history per workflow id).
     *
     * @return array<string, array<string, string>> task queue => run id => workflow id
     */
    private function runsToReplay(): array
    {
        $runs = [];
        $seen = [];
        $own = array_map(static fn (Worker $worker): array => [$worker->getTaskQueue(), $worker->recentRuns()], $this->workers);
        $inherited = array_map(null, array_keys($this->inherited->runs), array_values($this->inherited->runs));
        foreach ([...$own, ...$inherited] as [$queue, $queueRuns]) {
            foreach ($queueRuns as $runId => $workflowId) {
                if (!isset($seen[$queue][$workflowId])) {
                    $seen[$queue][$workflowId] = true;
                    $runs[$queue][(string) $runId] = $workflowId;
                }
            }
        }
        return $runs;
    }

    private function info(string $message, array $context): void
    {
        $this->logger === null ? error_log($message) : $this->logger->info($message, $context);
    }

    private function error(string $message, array $context): void
    {
        $this->logger === null ? error_log($message) : $this->logger->error($message, $context);
    }
}
