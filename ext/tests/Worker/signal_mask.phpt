--TEST--
Signals sent to the process reach only PHP's main thread: a worker's threads block them
--DESCRIPTION--
The core starts a worker's own threads (workflow processing, system info for worker heartbeats) from PHP's thread
inside the Worker constructor; they inherit the mask of that moment, which the bridge blocks for the call.
--SKIPIF--
<?php
require __DIR__ . '/../fixtures/skipif_no_server.php';
if (!is_dir('/proc/self/task')) die('skip needs /proc/self/task');
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';
require __DIR__ . '/../fixtures/signals.php';

$connection = connectToServer();
$worker = newWorker($connection);
$worker->validate();
$workflowPoll = $worker->startPollWorkflowActivation();
$activityPoll = $worker->startPollActivityTask();
reportSignalMasks();
shutDown($worker, $workflowPoll, $activityPoll);
?>
--EXPECT--
main thread blocks SIGINT: false, SIGTERM: false
other threads: some
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
