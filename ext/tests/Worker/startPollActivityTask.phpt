--TEST--
Worker::startPollActivityTask(): one poll at a time; after initiateShutdown() the poll returns null
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$worker = newWorker($connection, ['workflows' => false]);
$poll = $worker->startPollActivityTask();
var_dump($poll->wait(200));
attempt('second poll', fn() => $worker->startPollActivityTask());
var_dump(CompletionQueue::pendingCount());

$worker->initiateShutdown();
var_dump(settle($poll));
var_dump(CompletionQueue::wait(0) === [$poll]);
attempt('initiateShutdown again', fn() => $worker->initiateShutdown());
attempt('poll after the shutdown', fn() => settle($worker->startPollActivityTask()));
attempt('finalize', fn() => $worker->finalizeShutdown());
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
bool(false)
second poll: ValueError: an activity task poll is already outstanding on this worker
int(1)
NULL
bool(true)
initiateShutdown again: NULL
poll after the shutdown: NULL
finalize: NULL
int(0)
