<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;

/**
 * The worker's half of a replay check: fetches the histories of the runs to check, runs the worker script again
 * in a fresh PHP process (proc_open, not a fork: a fork would keep the old classes) that replays them on the new
 * code (ReplayCheckMode), and reads its verdict. Waits in background sleeps, so the worker goes on meanwhile.
 *
 * @internal
 */
final class ReplayCheck
{
    /** The variable that tells the script it runs as a replay check: the directory of the histories. */
    public const ENV = 'TEMPORAL_RELOAD_CHECK';
    private const POLL_S = 0.05;
    private const OUTPUT_TAIL_BYTES = 16384;

    /** @param non-empty-list<string> $command the worker script's (ProcessCommand::current()) */
    public function __construct(
        private readonly Client $client,
        private readonly FiberScheduler $scheduler,
        private readonly array $command,
    ) {
    }

    /** @param array<string, array<string, string>> $runs task queue => run id => workflow id */
    public function run(array $runs): ReloadVerdict
    {
        $dir = self::makeDirectory();
        try {
            $this->writeHistories($dir, $runs);
            $exitCode = $this->runChecker($dir);
            $output = (string) @file_get_contents("$dir/output.log", false, null, max(0, (int) @filesize("$dir/output.log") - self::OUTPUT_TAIL_BYTES));
            return ReloadVerdict::read("$dir/verdict.json", $exitCode, $output);
        } finally {
            array_map('unlink', glob("$dir/*") ?: []);
            @rmdir($dir);
        }
    }

    /** @param array<string, array<string, string>> $runs */
    private function writeHistories(string $dir, array $runs): void
    {
        $index = [];
        foreach ($runs as $queue => $queueRuns) {
            foreach ($queueRuns as $runId => $workflowId) {
                try {
                    $history = $this->client->getHandle($workflowId, (string) $runId)->fetchHistory();
                } catch (ServiceException) {
                    continue;  // gone from the server (retention, a deleted namespace): nothing to replay
                }
                $file = 'run-' . \count($index) . '.json';
                file_put_contents("$dir/$file", $history->toJson());
                $index[] = ['task_queue' => (string) $queue, 'workflow_id' => $workflowId, 'run_id' => (string) $runId, 'file' => $file];
            }
        }
        file_put_contents("$dir/runs.json", json_encode($index, JSON_THROW_ON_ERROR));
    }

    /** @return int the checking process's exit code (128 + the signal that ended it) */
    private function runChecker(string $dir): int
    {
        $process = proc_open($this->command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/output.log", 'w'],
            2 => ['redirect', 1]], $pipes, null, [self::ENV => $dir] + getenv());
        if (!\is_resource($process)) {
            throw new \RuntimeException('cannot start the replay check: ' . implode(' ', $this->command));
        }
        try {
            while (($status = proc_get_status($process))['running']) {
                $this->scheduler->sleep(self::POLL_S, background: true);
            }
            return $status['signaled'] ? 128 + $status['termsig'] : $status['exitcode'];
        } finally {
            // Reached early only when the worker stops mid-check: the check is moot then.
            if (proc_get_status($process)['running']) {
                proc_terminate($process, SIGKILL);
            }
            proc_close($process);
        }
    }

    private static function makeDirectory(): string
    {
        $dir = sys_get_temp_dir() . '/php-temporal-reload-' . getmypid() . '-' . bin2hex(random_bytes(4));
        if (!mkdir($dir, 0700)) {
            throw new \RuntimeException("cannot create $dir for the replay check");
        }
        return $dir;
    }
}
