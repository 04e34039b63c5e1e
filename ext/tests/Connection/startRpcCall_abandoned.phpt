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

// $quick's completion arrives while this waits on another operation: it is dropped there.
var_dump($poll->wait(100));
var_dump(CompletionQueue::pendingCount());
unset($poll);

// The completions come after their operations are gone: they are freed, not delivered anywhere.
$token->cancel();
$deadline = hrtime(true) + 10e9;
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    var_dump(CompletionQueue::wait(1000));
}
var_dump(CompletionQueue::pendingCount());

echo "later operations are unaffected:\n";
$next = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
var_dump($next->wait(10000), strlen($next->getResult()) > 0);
var_dump(CompletionQueue::wait(0) === [$next]);
?>
--EXPECTF--
int(2)
bool(false)
int(1)
%Aint(0)
later operations are unaffected:
bool(true)
bool(true)
bool(true)
