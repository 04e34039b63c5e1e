--TEST--
PendingOperation::wait() drives the queue until the operation is done, or gives up at its timeout
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\Connection;

echo "no limit:\n";
$refused = Connection::startConnect(refusedConnectOptions());
var_dump($refused->wait());
var_dump($refused->wait(), $refused->wait(0), $refused->isDone());

echo "timeout while in flight:\n";
$connection = connectToServer();
$token = new CancellationToken();
$poll = $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue', pollActivityRequest('wait-test'),
    0, [], $token);
var_dump($poll->wait(0));
$start = hrtime(true);
var_dump($poll->wait(100));
var_dump((hrtime(true) - $start) / 1e6 >= 95);
var_dump($poll->isDone());

echo "done after cancelling:\n";
$token->cancel();
var_dump($poll->wait(30000), $poll->isDone());
?>
--EXPECT--
no limit:
bool(true)
bool(true)
bool(true)
bool(true)
timeout while in flight:
bool(false)
bool(false)
bool(true)
bool(false)
done after cancelling:
bool(true)
bool(true)
