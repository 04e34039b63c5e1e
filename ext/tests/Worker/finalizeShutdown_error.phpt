--TEST--
Every call on a finalized Worker is rejected with the bridge's message
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$worker = newWorker($connection);
shutDown($worker, $worker->startPollWorkflowActivation(), $worker->startPollActivityTask());

attempt('validate', fn() => $worker->validate());
attempt('startValidate', fn() => $worker->startValidate());
attempt('startPollWorkflowActivation', fn() => $worker->startPollWorkflowActivation());
attempt('startCompleteWorkflowActivation', fn() => $worker->startCompleteWorkflowActivation(''));
attempt('startPollActivityTask', fn() => $worker->startPollActivityTask());
attempt('startCompleteActivityTask', fn() => $worker->startCompleteActivityTask(''));
attempt('recordActivityHeartbeat', fn() => $worker->recordActivityHeartbeat(''));
attempt('requestWorkflowEviction', fn() => $worker->requestWorkflowEviction('run'));
attempt('initiateShutdown', fn() => $worker->initiateShutdown());
attempt('finalizeShutdown', fn() => $worker->finalizeShutdown());
attempt('startFinalizeShutdown', fn() => $worker->startFinalizeShutdown());
var_dump(CompletionQueue::pendingCount());

echo "the connection still works, and takes a new worker on the same task queue:\n";
var_dump($connection->rpcCall('WorkflowService', 'GetSystemInfo', '') !== '');
$options = workerOptions();
$first = new TrueAsync\Temporal\Core\Worker($connection, $options);
shutDown($first, $first->startPollWorkflowActivation(), $first->startPollActivityTask());
$second = new TrueAsync\Temporal\Core\Worker($connection, $options);
attempt('validate', fn() => $second->validate());
shutDown($second, $second->startPollWorkflowActivation(), $second->startPollActivityTask());
?>
--EXPECT--
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
validate: ValueError: the worker is finalized; create a new one
startValidate: ValueError: the worker is finalized; create a new one
startPollWorkflowActivation: ValueError: the worker is finalized; create a new one
startCompleteWorkflowActivation: ValueError: the worker is finalized; create a new one
startPollActivityTask: ValueError: the worker is finalized; create a new one
startCompleteActivityTask: ValueError: the worker is finalized; create a new one
recordActivityHeartbeat: ValueError: the worker is finalized; create a new one
requestWorkflowEviction: ValueError: the worker is finalized; create a new one
initiateShutdown: ValueError: the worker is finalized; create a new one
finalizeShutdown: ValueError: the worker is finalized; create a new one
startFinalizeShutdown: ValueError: the worker is finalized; create a new one
int(0)
the connection still works, and takes a new worker on the same task queue:
bool(true)
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
validate: NULL
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
