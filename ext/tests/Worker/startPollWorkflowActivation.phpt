--TEST--
Worker::startPollWorkflowActivation(): one poll at a time; after initiateShutdown() the poll returns null
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$worker = newWorker($connection, ['activities' => false]);
$poll = $worker->startPollWorkflowActivation();
var_dump($poll->wait(200));
attempt('second poll', fn() => $worker->startPollWorkflowActivation());

$worker->initiateShutdown();
var_dump(settle($poll));
attempt('poll after the shutdown', fn() => settle($worker->startPollWorkflowActivation()));
$finalize = $worker->startFinalizeShutdown();
attempt('startFinalizeShutdown', fn() => settle($finalize));
var_dump(CompletionQueue::wait(0) === [$poll, $finalize]);
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
bool(false)
second poll: ValueError: a workflow activation poll is already outstanding on this worker
NULL
poll after the shutdown: NULL
startFinalizeShutdown: NULL
bool(true)
int(0)
