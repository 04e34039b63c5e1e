--TEST--
After fork() the child cannot use the parent's Worker; the parent's worker is unaffected
--SKIPIF--
<?php
require __DIR__ . '/../fixtures/skipif_no_server.php';
if (!function_exists('pcntl_fork')) die('skip pcntl is not available');
// As Connection/fork.phpt: LeakSanitizer cannot check a forked child of a threaded process; memcheck covers fork.
if (getenv('SKIP_ASAN')) die('skip LeakSanitizer cannot check a forked child of a threaded process');
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Worker;

$connection = connectToServer();
$worker = newWorker($connection);
$poll = $worker->startPollActivityTask();
var_dump($poll->wait(100));
// A timer beating every millisecond across the fork: the child must neither run it nor block on its lock.
$worker->startAutoHeartbeat(activityHeartbeat('running-at-fork', 1), 1, 600000);

$pid = pcntl_fork();
if ($pid === 0) {
    echo "child:\n";
    attempt('the parent\'s poll', fn() => settle($poll));
    attempt('startPollActivityTask', fn() => $worker->startPollActivityTask());
    attempt('startPollWorkflowActivation', fn() => $worker->startPollWorkflowActivation());
    attempt('validate', fn() => $worker->validate());
    attempt('recordActivityHeartbeat', fn() => $worker->recordActivityHeartbeat(''));
    attempt('startAutoHeartbeat', fn() => $worker->startAutoHeartbeat(activityHeartbeat('t', 1), 1000, 60000));
    attempt('requestWorkflowEviction', fn() => $worker->requestWorkflowEviction('run'));
    attempt('initiateShutdown', fn() => $worker->initiateShutdown());
    attempt('finalizeShutdown', fn() => $worker->finalizeShutdown());
    attempt('a worker on the parent\'s connection', fn() => new Worker($connection, workerOptions()));
    $own = newWorker(connectToServer());
    attempt('a worker of its own', fn() => $own->validate());
    shutDown($own, $own->startPollWorkflowActivation(), $own->startPollActivityTask());
    attempt('pending', fn() => CompletionQueue::pendingCount());
    exit(0);
}

pcntl_waitpid($pid, $status);
echo "parent:\n";
var_dump(pcntl_wifexited($status), pcntl_wexitstatus($status));
var_dump($poll->isDone());
shutDown($worker, $poll, $worker->startPollWorkflowActivation());
?>
--EXPECT--
bool(false)
child:
the parent's poll: 'TrueAsync\\Temporal\\Core\\TemporalException: The operation was in flight when the process forked; it cannot complete in the child'
startPollActivityTask: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
startPollWorkflowActivation: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
validate: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
recordActivityHeartbeat: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
startAutoHeartbeat: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
requestWorkflowEviction: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
initiateShutdown: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
finalizeShutdown: TrueAsync\Temporal\Core\TemporalException: this worker was created before fork(); create a new one in this process
a worker on the parent's connection: TrueAsync\Temporal\Core\TemporalException: this connection was created before fork(); create a new one in this process
a worker of its own: NULL
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
pending: 0
parent:
bool(true)
int(0)
bool(false)
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
