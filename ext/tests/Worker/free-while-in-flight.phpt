--TEST--
Freeing a Worker with polls in flight is safe; the Worker keeps its Connection alive
--DESCRIPTION--
A freed Worker can never complete what its polls would bring, so ext initiates its shutdown: the polls still
held complete with null, the ones dropped with it are dropped when their completion arrives.
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$reference = WeakReference::create($connection);
$worker = newWorker($connection);
unset($connection);
echo "the worker holds the connection:\n";
var_dump($reference->get() !== null);
attempt('validate', fn() => $worker->validate());

echo "freed with both polls in flight, one of them still held:\n";
$workflowPoll = $worker->startPollWorkflowActivation();
$activityPoll = $worker->startPollActivityTask();
var_dump($activityPoll->wait(100));
unset($worker, $activityPoll);
gc_collect_cycles();
var_dump($reference->get());
var_dump(settle($workflowPoll));

$deadline = hrtime(true) + 30e9;
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    CompletionQueue::wait(100);
}
var_dump(CompletionQueue::pendingCount());

echo "freed with a poll in flight at the end of the request:\n";
$worker = newWorker(connectToServer());
$poll = $worker->startPollActivityTask();
var_dump($poll->wait(50));
?>
--EXPECT--
the worker holds the connection:
bool(true)
validate: NULL
freed with both polls in flight, one of them still held:
bool(false)
NULL
NULL
int(0)
freed with a poll in flight at the end of the request:
bool(false)
