--TEST--
Freeing a Connection while its RPCs are in flight is safe: they still complete
--DESCRIPTION--
In-flight operations hold their own reference inside the bridge; the PHP object only drops the caller's.
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$token = new CancellationToken();
$poll = $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue', pollActivityRequest('free-test'),
    0, [], $token);
$info = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
$connection = null;
gc_collect_cycles();

var_dump($info->wait(30000));
var_dump(strlen($info->getResult()) > 0);

$token->cancel();
var_dump($poll->wait(30000));
try {
    $poll->getResult();
} catch (CancelledException $e) {
    echo get_class($e), "\n";
}
var_dump(CompletionQueue::pendingCount());

echo "freed while nobody waits, then the operations too:\n";
$connection = connectToServer();
$last = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
unset($connection, $last);
$deadline = hrtime(true) + 30e9;
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    CompletionQueue::wait(100);
}
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
TrueAsync\Temporal\Core\CancelledException
int(0)
freed while nobody waits, then the operations too:
int(0)
