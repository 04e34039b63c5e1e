--TEST--
CompletionQueue::pendingCount() counts accepted operations until their completion arrives, abandoned ones too
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

var_dump(CompletionQueue::pendingCount());
$kept = Connection::startConnect(refusedConnectOptions());
$abandoned = Connection::startConnect(refusedConnectOptions());
var_dump(CompletionQueue::pendingCount());
unset($abandoned);
var_dump(CompletionQueue::pendingCount());

$deadline = hrtime(true) + 30e9;
while (CompletionQueue::pendingCount() > 0 && hrtime(true) < $deadline) {
    CompletionQueue::wait(100);
}
var_dump(CompletionQueue::pendingCount());
var_dump($kept->isDone());

try {
    Connection::startConnect('{}');
} catch (ValueError $e) {
    echo "rejected\n";
}
var_dump(CompletionQueue::pendingCount());
?>
--EXPECT--
int(0)
int(2)
int(2)
int(0)
bool(true)
rejected
int(0)
