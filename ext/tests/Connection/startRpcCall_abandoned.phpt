--TEST--
An operation abandoned mid-flight (its wait given up, then the object dropped) has its completion dropped cleanly
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$token = new CancellationToken();
$poll = $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue', pollActivityRequest('abandon-test'),
    0, [], $token);
$quick = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
unset($quick);
var_dump(CompletionQueue::pendingCount());

// $quick's completion arrives while this waits on another operation: it is dropped there, and the poll goes on.
// How soon it arrives depends on the machine (seconds under valgrind on a loaded box): wait for it, 30 s at most,
// well short of the poll's own end (the server answers an idle long poll after about a minute).
$deadline = hrtime(true) + 30e9;
$pollDone = false;
while (CompletionQueue::pendingCount() > 1 && !$pollDone && hrtime(true) < $deadline) {
    $pollDone = $poll->wait(100);
}
var_dump($pollDone);
var_dump(CompletionQueue::pendingCount());
var_dump(CompletionQueue::wait(0));
unset($poll);

// The completions come after their operations are gone: they are freed, not delivered anywhere.
$token->cancel();
$deadline = hrtime(true) + 30e9;
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    var_dump(CompletionQueue::wait(1000));
}
var_dump(CompletionQueue::pendingCount());

echo "later operations are unaffected:\n";
$next = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
var_dump($next->wait(30000), strlen($next->getResult()) > 0);
var_dump(CompletionQueue::wait(0) === [$next]);
?>
--EXPECTF--
int(2)
bool(false)
int(1)
array(0) {
}
%Aint(0)
later operations are unaffected:
bool(true)
bool(true)
bool(true)
