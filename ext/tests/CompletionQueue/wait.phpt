--TEST--
CompletionQueue::wait() delivers completions and reports each completed operation once
--DESCRIPTION--
The operations are connects to a port nothing listens on: they complete by themselves (refused), no server needed.
An operation completed inside PendingOperation::wait() is still reported by the next CompletionQueue::wait().
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

echo "nothing pending:\n";
$start = hrtime(true);
var_dump(CompletionQueue::wait(50));
var_dump((hrtime(true) - $start) / 1e6 >= 45);
var_dump(CompletionQueue::wait(0));

echo "two operations:\n";
$first = Connection::startConnect(refusedConnectOptions());
$second = Connection::startConnect(refusedConnectOptions());
$reported = [];
$deadline = hrtime(true) + 30e9;
while (count($reported) < 2 && hrtime(true) < $deadline) {
    foreach (CompletionQueue::wait(1000) as $operation) {
        $reported[] = $operation->getId();
        var_dump($operation->isDone());
    }
}
sort($reported);
var_dump($reported === [$first->getId(), $second->getId()]);
var_dump(CompletionQueue::wait(0));

echo "delivered inside PendingOperation::wait():\n";
$third = Connection::startConnect(refusedConnectOptions());
var_dump($third->wait());
$ready = CompletionQueue::wait(0);
var_dump(count($ready), $ready[0] === $third);
var_dump(CompletionQueue::wait(0));

echo "an operation dropped before its report is not returned:\n";
$fourth = Connection::startConnect(refusedConnectOptions());
$fourth->wait();
unset($fourth);
var_dump(CompletionQueue::wait(0));
?>
--EXPECT--
nothing pending:
array(0) {
}
bool(true)
array(0) {
}
two operations:
bool(true)
bool(true)
bool(true)
array(0) {
}
delivered inside PendingOperation::wait():
bool(true)
int(1)
bool(true)
array(0) {
}
an operation dropped before its report is not returned:
array(0) {
}
