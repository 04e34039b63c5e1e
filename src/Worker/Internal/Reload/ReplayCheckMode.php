<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Worker\Worker;

/**
 * The checking process's half of a replay check: the worker script ran again, registered its (new) workflow
 * classes and reached runWithReload(), which calls this instead of running the workers. Each history is replayed
 * by a replayer built like the worker of its task queue, and the verdict is written for the worker to read.
 *
 * @internal
 */
final class ReplayCheckMode
{
    /** @param list<Worker> $workers the script's, as it registered them */
    public static function run(string $dir, array $workers): void
    {
        $index = json_decode((string) file_get_contents("$dir/runs.json"), true, 8, JSON_THROW_ON_ERROR);
        $failures = [];
        foreach ($workers as $worker) {
            $queue = $worker->getTaskQueue();
            $entries = array_values(array_filter($index, static fn (array $entry): bool => $entry['task_queue'] === $queue));
            if ($entries === []) {
                continue;
            }
            $histories = array_map(static fn (array $entry): WorkflowHistory => WorkflowHistory::fromJson(
                $entry['workflow_id'],
                (string) file_get_contents("$dir/{$entry['file']}"),
            ), $entries);
            $runIds = array_column($entries, 'run_id', 'workflow_id');
            foreach ($worker->newReplayer()->replayHistories($histories) as $workflowId => $failure) {
                $failures[] = ['task_queue' => $queue, 'workflow_id' => (string) $workflowId,
                    'run_id' => $runIds[$workflowId] ?? '', 'message' => $failure->getMessage()];
            }
        }
        ReloadVerdict::write("$dir/verdict.json", \count($index), $failures);
    }
}
