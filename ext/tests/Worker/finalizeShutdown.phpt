--TEST--
Worker shutdown drains: initiateShutdown(), both polls return null, finalizeShutdown() succeeds, every time
--DESCRIPTION--
Twenty workers in a row, each with both polls in flight when the shutdown starts. The bridge's finalize waits
for the polls' references to the core worker to go; it must never report that one is still held.
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$outcomes = [];
for ($i = 0; $i < 20; $i++) {
    $worker = newWorker($connection);
    $workflowPoll = $worker->startPollWorkflowActivation();
    $activityPoll = $worker->startPollActivityTask();
    $worker->initiateShutdown();
    $results = [settle($workflowPoll), settle($activityPoll)];
    $finalize = $worker->startFinalizeShutdown();
    $results[] = settle($finalize);
    $outcomes[] = json_encode($results);
    unset($worker, $workflowPoll, $activityPoll, $finalize);
}
print_r(array_count_values($outcomes));

echo "polls started after initiateShutdown(), then a blocking finalize:\n";
$worker = newWorker($connection);
$worker->initiateShutdown();
var_dump(settle($worker->startPollWorkflowActivation()), settle($worker->startPollActivityTask()));
attempt('finalizeShutdown', fn() => $worker->finalizeShutdown());
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
Array
(
    [[null,null,null]] => 20
)
polls started after initiateShutdown(), then a blocking finalize:
NULL
NULL
finalizeShutdown: NULL
int(0)
