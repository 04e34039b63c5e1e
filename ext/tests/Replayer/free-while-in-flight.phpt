--TEST--
Freeing a Replayer with a push and a poll in flight is safe; its Worker outlives it and shuts down
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_api_classes.php'; ?>
--DESCRIPTION--
One push at a time: the replayer takes one history ahead, so a second push waits for room, and once its
replayer is freed the bridge may never complete it (a bridge limitation, not covered here). A
replay Worker freed without finalizeShutdown() is not covered either: the core then leaks its mock client
(valgrind: definitely lost), a bridge matter.
--FILE--
<?php
require __DIR__ . '/../fixtures/replay.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Replayer;

echo "the Worker outlives its Replayer; freeing the Replayer closes it:\n";
$replayer = new Replayer(replayOptions());
$worker = $replayer->getWorker();
unset($replayer);
echo 'poll: ', var_export(settle($worker->startPollWorkflowActivation()), true), "\n";
attempt('finalize', fn() => $worker->finalizeShutdown());
unset($worker);

echo "the Replayer and the push freed while the push and a poll are in flight:\n";
$replayer = new Replayer(replayOptions());
$worker = $replayer->getWorker();
$poll = $worker->startPollWorkflowActivation();
$push = $replayer->startPushHistory('wf-1', startedHistory('Freed'));
unset($replayer, $push);
gc_collect_cycles();
while (is_string($result = settle($poll))) {   // the history still arrives, then the shutdown
    $activation = decodeActivation($result);
    foreach ($activation->getJobs() as $job) {
        echo 'job: ', $job->getVariant(), "\n";
    }
    settle($worker->startCompleteWorkflowActivation(completeWorkflowCompletion($activation->getRunId())));
    $poll = $worker->startPollWorkflowActivation();
}
var_dump($result);
attempt('finalize', fn() => $worker->finalizeShutdown());
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
the Worker outlives its Replayer; freeing the Replayer closes it:
poll: NULL
finalize: NULL
the Replayer and the push freed while the push and a poll are in flight:
job: initialize_workflow
job: remove_from_cache
NULL
finalize: NULL
int(0)
