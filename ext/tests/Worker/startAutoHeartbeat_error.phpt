--TEST--
Worker::startAutoHeartbeat(): argument errors, one timer per task, a completion stops it, free and finalize too
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

$connection = connectToServer();
$worker = newWorker($connection);
$heartbeat = activityHeartbeat('no-such-token', 'previous attempt');

echo "intervals and stop-after times:\n";
attempt('interval 0', fn() => $worker->startAutoHeartbeat($heartbeat, 0, 60000));
attempt('interval -1', fn() => $worker->startAutoHeartbeat($heartbeat, -1, 60000));
attempt('interval 2^32', fn() => $worker->startAutoHeartbeat($heartbeat, 4294967296, 60000));
attempt('interval PHP_INT_MIN', fn() => $worker->startAutoHeartbeat($heartbeat, PHP_INT_MIN, 60000));
attempt('stop-after 0', fn() => $worker->startAutoHeartbeat($heartbeat, 1000, 0));
attempt('stop-after -1', fn() => $worker->startAutoHeartbeat($heartbeat, 1000, -1));

echo "heartbeats:\n";
attempt('bytes that are not the message', fn() => $worker->startAutoHeartbeat("\xff", 1000, 60000));
attempt('no task token', fn() => $worker->startAutoHeartbeat('', 1000, 60000));

echo "argument types:\n";
attempt('startAutoHeartbeat($heartbeat)', fn() => $worker->startAutoHeartbeat($heartbeat));
attempt('interval "soon"', fn() => $worker->startAutoHeartbeat($heartbeat, 'soon', 60000));

echo "one timer per task, until its completion:\n";
// Accepted for a token the core does not know too: the core ignores its heartbeats, the timer its deadline bounds.
attempt('start', fn() => $worker->startAutoHeartbeat($heartbeat, 1, 60000));
attempt('start again', fn() => $worker->startAutoHeartbeat($heartbeat, 1000, 60000));
attempt('the activity records its own heartbeat', fn() => $worker->recordActivityHeartbeat($heartbeat));
attempt('complete the task', fn() => settle($worker->startCompleteActivityTask(activityCompletion('no-such-token', 1))));
attempt('start after the completion', fn() => $worker->startAutoHeartbeat($heartbeat, 1000, 60000));
attempt('the largest times', fn() => $worker->startAutoHeartbeat(activityHeartbeat('other', 1), 4294967295, PHP_INT_MAX));

$freed = newWorker($connection);
attempt('a worker freed with a timer running', fn() => $freed->startAutoHeartbeat($heartbeat, 1, 60000));
unset($freed);

shutDown($worker, $worker->startPollWorkflowActivation(), $worker->startPollActivityTask());
attempt('after finalize', fn() => $worker->startAutoHeartbeat(activityHeartbeat('late', 1), 1000, 60000));
?>
--EXPECT--
intervals and stop-after times:
interval 0: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #2 ($intervalMs) must be between 1 and 4294967295
interval -1: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #2 ($intervalMs) must be between 1 and 4294967295
interval 2^32: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #2 ($intervalMs) must be between 1 and 4294967295
interval PHP_INT_MIN: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #2 ($intervalMs) must be between 1 and 4294967295
stop-after 0: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #3 ($stopAfterMs) must be greater than 0
stop-after -1: ValueError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #3 ($stopAfterMs) must be greater than 0
heartbeats:
bytes that are not the message: ValueError: bytes are not a valid ActivityHeartbeat: failed to decode Protobuf message: invalid varint
no task token: ValueError: the heartbeat has no task token
argument types:
startAutoHeartbeat($heartbeat): ArgumentCountError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat() expects exactly 3 arguments, 1 given
interval "soon": TypeError: TrueAsync\Temporal\Core\Worker::startAutoHeartbeat(): Argument #2 ($intervalMs) must be of type int, string given
one timer per task, until its completion:
start: NULL
start again: ValueError: auto-heartbeat is already running for this activity task
the activity records its own heartbeat: NULL
complete the task: NULL
start after the completion: NULL
the largest times: NULL
a worker freed with a timer running: NULL
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
after finalize: ValueError: the worker is finalized; create a new one
