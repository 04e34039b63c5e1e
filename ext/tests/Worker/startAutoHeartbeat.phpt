--TEST--
Worker::startAutoHeartbeat() keeps a real activity alive past its heartbeat timeout while PHP never heartbeats
--DESCRIPTION--
The workflow CallHeartbeatingActivity runs in a Python SDK worker (tests/Interop/python/activity_workflows.py)
and schedules activity "Block" (5 s heartbeat timeout, 5 min start-to-close, one attempt: a heartbeat timeout
fails the workflow) on a task queue that only this Worker polls.
First run: auto-heartbeat starts with "previous attempt" as the initial details; the test records one heartbeat
itself ("halfway") and from then on only watches the server (temporal workflow describe) until three heartbeats
with "halfway" reached it: at the core's throttle (0.8 x 5 s) that spans more than a heartbeat timeout without
a heartbeat from PHP. The activity then completes, and so does its workflow.
Second run: auto-heartbeat stops after 1 s (standing for the start-to-close bound of a hung activity), so the
activity times out on its heartbeat timeout although its task was never completed.
Every wait is for a condition (120 s at most), so a slow machine only makes it longer.
Under memcheck, valgrind checks this php process only (see startCompleteActivityTask.phpt).
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

// The server's view of the one pending activity: [last heartbeat time, its first detail], or null. The CLI
// prints the details decoded (JSON payloads as their values).
function serverHeartbeat(string $workflowId): ?array
{
    $described = json_decode(temporalCli(['workflow', 'describe', '--workflow-id', $workflowId, '--output', 'json']), true);
    $activity = $described['pendingActivities'][0] ?? null;
    if ($activity === null || !isset($activity['lastHeartbeatTime'])) {
        return null;
    }
    return [$activity['lastHeartbeatTime'], $activity['heartbeatDetails'][0] ?? null];
}

// Polls the server until $count distinct heartbeat times with $details were seen (120 s at most).
function waitForHeartbeats(string $workflowId, string $details, int $count): bool
{
    $seen = [];
    $deadline = microtime(true) + 120;
    while (count($seen) < $count && microtime(true) < $deadline) {
        $heartbeat = serverHeartbeat($workflowId);
        if ($heartbeat !== null && $heartbeat[1] === $details) {
            $seen[$heartbeat[0]] = true;
        }
        usleep(100000);
    }
    return count($seen) >= $count;
}

// Starts a workflow whose activity "Block" has a 5 s heartbeat timeout; returns its id.
function startBlockingActivity(string $workflowQueue, string $activityQueue): string
{
    $workflowId = uniqueTaskQueue('ext-auto-heartbeat');
    temporalCli(['workflow', 'start', '--task-queue', $workflowQueue, '--type', 'CallHeartbeatingActivity',
        '--workflow-id', $workflowId, '--input', '"Block"', '--input', json_encode($activityQueue),
        '--input', '"PHP"', '--input', '5000']);
    return $workflowId;
}

// Waits for the workflow to end (120 s at most) and returns the timeout type of its activity's timeout, if any.
function activityTimeout(string $workflowId): string
{
    $deadline = microtime(true) + 120;
    do {
        $history = json_decode(temporalCli(['workflow', 'show', '--workflow-id', $workflowId, '--output', 'json']), true);
        foreach ($history['events'] ?? [] as $event) {
            if (isset($event['activityTaskTimedOutEventAttributes'])) {
                return $event['activityTaskTimedOutEventAttributes']['failure']['timeoutFailureInfo']['timeoutType'] ?? '?';
            }
        }
        usleep(100000);
    } while (microtime(true) < $deadline);
    return 'no timeout after 120 s';
}

$workflowQueue = uniqueTaskQueue('ext-py-workflows');
$activityQueue = uniqueTaskQueue('ext-php-activities');

$python = startPythonWorker('activity_workflows.py', $workflowQueue);
$workflowId = startBlockingActivity($workflowQueue, $activityQueue);

$connection = connectToServer();
$worker = newWorker($connection, ['task_queue' => $activityQueue, 'workflows' => false]);
$task = settle($worker->startPollActivityTask(), 30000);
$token = protoStringField($task, 1);

$worker->startAutoHeartbeat(activityHeartbeat($token, 'previous attempt'), 200, 300000);
echo 'the initial details reach the server: ', var_export(waitForHeartbeats($workflowId, 'previous attempt', 1), true), "\n";
$worker->recordActivityHeartbeat(activityHeartbeat($token, 'halfway'));
echo 'three heartbeats with the last details: ', var_export(waitForHeartbeats($workflowId, 'halfway', 3), true), "\n";

var_dump(settle($worker->startCompleteActivityTask(activityCompletion($token, 'survived'))));
$result = json_decode(temporalCli(['workflow', 'result', '--workflow-id', $workflowId, '--output', 'json']), true);
echo 'workflow: ', $result['status'] ?? '?', ' ', json_encode($result['result'] ?? null), "\n";

$hungId = startBlockingActivity($workflowQueue, $activityQueue);
$task = settle($worker->startPollActivityTask(), 30000);
$token = protoStringField($task, 1);
$worker->startAutoHeartbeat(activityHeartbeat($token, 'previous attempt'), 200, 1000);
echo 'past stop-after, the activity times out: ', activityTimeout($hungId), "\n";
var_dump(settle($worker->startCompleteActivityTask(activityCompletion($token, 'too late'))));

shutDown($worker, $worker->startPollActivityTask());
stopPythonWorker($python);
?>
--EXPECT--
the initial details reach the server: true
three heartbeats with the last details: true
NULL
workflow: COMPLETED "survived"
past stop-after, the activity times out: TIMEOUT_TYPE_HEARTBEAT
NULL
poll after shutdown: NULL
finalize: NULL
