--TEST--
Worker polls a real activity task, heartbeats it and completes it; the workflow that scheduled it gets the result
--DESCRIPTION--
The workflow CallActivity runs in a Python SDK worker (tests/Interop/python/activity_workflows.py) and schedules
activity "Greet" on a task queue that only this Worker polls; the workflow is started with the temporal CLI.
Under memcheck, valgrind checks this php process only, not the Python worker and the Go CLI it starts: the
ENV section repeats scripts/test-ext.sh's VALGRIND_OPTS with --trace-children-skip=* (it is inert in the
other modes).
--ENV--
VALGRIND_OPTS=--suppressions={PWD}/../valgrind.supp --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=40 --trace-children-skip=*
--SKIPIF--
<?php
require __DIR__ . '/../fixtures/skipif_no_server.php';
require __DIR__ . '/../fixtures/interop.php';
if (interopSkipReason() !== null) die('skip ' . interopSkipReason());
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';
require __DIR__ . '/../fixtures/interop.php';

$workflowQueue = uniqueTaskQueue('ext-py-workflows');
$activityQueue = uniqueTaskQueue('ext-php-activities');
$workflowId = uniqueTaskQueue('ext-call-activity');

$python = startPythonWorker('activity_workflows.py', $workflowQueue);
temporalCli(['workflow', 'start', '--task-queue', $workflowQueue, '--type', 'CallActivity',
    '--workflow-id', $workflowId, '--input', '"Greet"', '--input', json_encode($activityQueue), '--input', '"PHP"']);

$connection = connectToServer();
$worker = newWorker($connection, ['task_queue' => $activityQueue, 'workflows' => false]);
$task = settle($worker->startPollActivityTask(), 30000);
var_dump(is_string($task));
$token = protoStringField($task, 1);
$start = protoStringField($task, 3);
var_dump(strlen($token) > 0);
echo 'activity type: ', protoStringField($start, 5), "\n";
echo 'workflow type: ', protoStringField($start, 2), "\n";
echo 'input: ', protoStringField(protoStringField($start, 7), 2), "\n";

$worker->recordActivityHeartbeat(activityHeartbeat($token, 'halfway'));
$completion = $worker->startCompleteActivityTask(activityCompletion($token, 'Hello, PHP'));
var_dump(settle($completion));

$result = json_decode(temporalCli(['workflow', 'result', '--workflow-id', $workflowId, '--output', 'json']), true);
echo 'workflow: ', $result['status'] ?? '?', ' ', json_encode($result['result'] ?? null), "\n";

shutDown($worker, $worker->startPollActivityTask());
stopPythonWorker($python);
?>
--EXPECT--
bool(true)
bool(true)
activity type: Greet
workflow type: CallActivity
input: "PHP"
NULL
workflow: COMPLETED "Hello, PHP"
poll after shutdown: NULL
finalize: NULL
