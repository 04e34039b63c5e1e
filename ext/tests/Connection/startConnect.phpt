--TEST--
Connection::startConnect() returns at once; the operation's result is the Connection, or nothing if abandoned
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\PendingOperation;

$operation = Connection::startConnect(connectOptions());
var_dump($operation instanceof PendingOperation, CompletionQueue::pendingCount());
$ready = [];
$deadline = hrtime(true) + 30e9;
while ($ready === [] && hrtime(true) < $deadline) {
    $ready = CompletionQueue::wait(1000);
}
var_dump($ready === [$operation]);
$connection = $operation->getResult();
var_dump($connection instanceof Connection, $operation->getResult() === $connection);
var_dump(strlen($connection->rpcCall('WorkflowService', 'GetSystemInfo', '')) > 0);

echo "abandoned: the connection it makes is freed with its completion\n";
$abandoned = Connection::startConnect(connectOptions());
unset($abandoned);
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    var_dump(CompletionQueue::wait(1000));
}
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
bool(true)
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
abandoned: the connection it makes is freed with its completion
array(0) {
}
int(0)
