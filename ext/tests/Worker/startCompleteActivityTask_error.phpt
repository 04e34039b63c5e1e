--TEST--
Worker completions, heartbeats and evictions: bytes that do not decode are rejected with the bridge's message
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

$connection = connectToServer();
$worker = newWorker($connection);

echo "bytes that are not the message:\n";
attempt('startCompleteActivityTask', fn() => $worker->startCompleteActivityTask("\xff"));
attempt('startCompleteWorkflowActivation', fn() => $worker->startCompleteWorkflowActivation("\xff"));
attempt('recordActivityHeartbeat', fn() => $worker->recordActivityHeartbeat("\xff"));
attempt('requestWorkflowEviction, not UTF-8', fn() => $worker->requestWorkflowEviction("\xff"));

echo "well-formed, but for a task or run this worker does not have:\n";
attempt('startCompleteActivityTask', fn() => settle($worker->startCompleteActivityTask(activityCompletion('no-such-token', 1))));
attempt('startCompleteWorkflowActivation', fn() => settle($worker->startCompleteWorkflowActivation(protoField(1, 'no-such-run'))));
attempt('recordActivityHeartbeat', fn() => $worker->recordActivityHeartbeat(activityHeartbeat('no-such-token', 1)));
attempt('requestWorkflowEviction', fn() => $worker->requestWorkflowEviction('no-such-run'));

echo "argument types:\n";
attempt('startCompleteActivityTask()', fn() => $worker->startCompleteActivityTask());
attempt('requestWorkflowEviction([])', fn() => $worker->requestWorkflowEviction([]));

shutDown($worker, $worker->startPollWorkflowActivation(), $worker->startPollActivityTask());
?>
--EXPECT--
bytes that are not the message:
startCompleteActivityTask: ValueError: bytes are not a valid ActivityTaskCompletion: failed to decode Protobuf message: invalid varint
startCompleteWorkflowActivation: ValueError: bytes are not a valid WorkflowActivationCompletion: failed to decode Protobuf message: invalid varint
recordActivityHeartbeat: ValueError: bytes are not a valid ActivityHeartbeat: failed to decode Protobuf message: invalid varint
requestWorkflowEviction, not UTF-8: ValueError: run id is not valid UTF-8
well-formed, but for a task or run this worker does not have:
startCompleteActivityTask: NULL
startCompleteWorkflowActivation: 'TrueAsync\\Temporal\\Core\\TemporalException: Lang SDK sent us a malformed workflow completion for run (no-such-run): Workflow completion had empty status field'
recordActivityHeartbeat: NULL
requestWorkflowEviction: NULL
argument types:
startCompleteActivityTask(): ArgumentCountError: TrueAsync\Temporal\Core\Worker::startCompleteActivityTask() expects exactly 1 argument, 0 given
requestWorkflowEviction([]): TypeError: TrueAsync\Temporal\Core\Worker::requestWorkflowEviction(): Argument #1 ($runId) must be of type string, array given
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
