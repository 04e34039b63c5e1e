<?php

// The PHP side of the replay scenario: replays recorded BenchReplay histories with our WorkflowReplayer, no server.
//
//   php -d extension=build/ext/modules/temporal.so bench/replay/php_replay.php [--reps=5] [--warmup=1] \
//       [--no-explainer] NAME=DIR [NAME=DIR...]
//
// Each DIR holds <workflow id>.json files (the proto3 JSON of a history, as `temporal workflow show --output json`
// writes it). The program parses every history, replays the first one against BenchReplayChanged (the negative
// control: it must be reported non-deterministic), replays every set --warmup times, then prints
// {"event":"ready",...} and waits for a line on stdin; then replays every set, and the first history alone (set
// "single"), --reps times, timing each replay call (hrtime and getrusage around replayHistories() only: parsing is
// done before), prints {"event":"done",...} and waits for stdin to close, so the driver can read /proc/<pid> around
// the measured loop. The same protocol as python_replay.py.
//
// --no-explainer replays with WorkflowReplayer::withNondeterminismExplainer(false) (the control too): the replay
// scenario's "php-noexplain", the explainer's overhead. "ready" says whether the control's failure carried the
// explainer's report ("control_explained"), so the driver sees the flag took effect.

declare(strict_types=1);

use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Worker\WorkflowReplayer;

require __DIR__ . '/../../vendor/autoload.php';
require __DIR__ . '/../workers/replay_workflows.php';

const SINGLE = 'single';  // the first history alone: what one call costs beside its histories

function emit(array $event): void
{
    echo json_encode($event, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES), "\n";
    flush();
}

function cpuSeconds(): float
{
    $u = getrusage();  // RUSAGE_SELF: every thread of the process
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

/**
 * @param list<WorkflowHistory> $histories
 * @return list<string> one message per failed history
 */
function replay(WorkflowReplayer $replayer, array $histories): array
{
    $messages = [];
    foreach ($replayer->replayHistories($histories) as $id => $failure) {
        $messages[] = "$id: {$failure->getMessage()}";
    }
    return $messages;
}

$opts = getopt('', ['reps:', 'warmup:', 'no-explainer'], $rest);
$reps = (int) ($opts['reps'] ?? 5);
$warmup = (int) ($opts['warmup'] ?? 1);
$explainer = !isset($opts['no-explainer']);
$sets = [];
foreach (array_slice($argv, $rest) as $arg) {
    if (!preg_match('/^([\w-]+)=(.+)$/', $arg, $m) || !is_dir($m[2])) {
        $sets = [];
        break;
    }
    $sets[$m[1]] = $m[2];
}
if ($sets === []) {
    fwrite(STDERR, "usage: php_replay.php [--reps=N] [--warmup=N] [--no-explainer] NAME=DIR [NAME=DIR...]\n");
    exit(2);
}

$t = hrtime(true);
$histories = [];
foreach ($sets as $name => $dir) {
    $files = glob("$dir/*.json");
    sort($files);
    foreach ($files as $file) {
        $histories[$name][] = WorkflowHistory::fromJson(basename($file, '.json'), file_get_contents($file));
    }
}
$parseSeconds = (hrtime(true) - $t) / 1e9;

$first = reset($histories)[0];
$control = (new WorkflowReplayer())->withNondeterminismExplainer($explainer)
    ->registerWorkflowTypes(BenchReplayChanged::class)->replayHistories([$first]);
$controlFailure = $control[$first->getWorkflowId()] ?? null;
$controlDetected = $controlFailure !== null && $controlFailure->isNonDeterminism();
$controlExplained = $controlFailure?->getReport() !== null;

$replayer = (new WorkflowReplayer())->withNondeterminismExplainer($explainer)->registerWorkflowTypes(BenchReplay::class);
$warmupFailures = [];
for ($rep = 0; $rep < $warmup; $rep++) {
    foreach ($histories as $name => $set) {
        array_push($warmupFailures, ...replay($replayer, $set));
    }
}
emit(['event' => 'ready', 'histories' => array_map('count', $histories), 'parse_seconds' => $parseSeconds,
    'control_detected' => $controlDetected, 'explainer' => $explainer, 'control_explained' => $controlExplained,
    'warmup_failures' => array_slice($warmupFailures, 0, 3)]);

fgets(STDIN);
$runs = [];
for ($rep = 0; $rep < $reps; $rep++) {
    foreach ($histories + [SINGLE => [$first]] as $name => $set) {
        $cpu = cpuSeconds();
        $t = hrtime(true);
        $failures = replay($replayer, $set);
        $seconds = (hrtime(true) - $t) / 1e9;
        $runs[] = ['set' => $name, 'rep' => $rep, 'histories' => count($set), 'seconds' => $seconds,
            'cpu_seconds' => cpuSeconds() - $cpu, 'failures' => count($failures), 'failure' => $failures[0] ?? null];
    }
}
emit(['event' => 'done', 'runs' => $runs]);

while (fgets(STDIN) !== false) {
}
