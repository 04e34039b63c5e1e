--TEST--
Cancelling an in-flight RPC completes it with CancelledException; other RPCs on the connection are unaffected
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\TemporalException;

$connection = connectToServer();
$token = new CancellationToken();
$polls = [
    $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue', pollActivityRequest('cancel-a'), 0, [], $token),
    $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue', pollActivityRequest('cancel-b'), 0, [], $token),
];
echo "in flight:\n";
var_dump($polls[0]->wait(200), $polls[1]->isDone());

// The cancel, not the poll's own end, completes them: CancelledException, within 30 s (an idle long poll lasts
// about a minute). A tighter bound would measure the machine, not the cancel.
$token->cancel();
foreach ($polls as $poll) {
    var_dump($poll->wait(30000));
    try {
        $poll->getResult();
    } catch (CancelledException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
        var_dump($e instanceof TemporalException);
    }
}

echo "the connection still works:\n";
var_dump(strlen($connection->rpcCall('WorkflowService', 'GetSystemInfo', '')) > 0);

echo "an already cancelled token:\n";
try {
    $connection->rpcCall('WorkflowService', 'GetSystemInfo', '', 0, [], $token);
} catch (CancelledException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
in flight:
bool(false)
bool(false)
bool(true)
TrueAsync\Temporal\Core\CancelledException: operation cancelled
bool(true)
bool(true)
TrueAsync\Temporal\Core\CancelledException: operation cancelled
bool(true)
the connection still works:
bool(true)
an already cancelled token:
TrueAsync\Temporal\Core\CancelledException: operation cancelled
