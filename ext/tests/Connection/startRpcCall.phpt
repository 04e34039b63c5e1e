--TEST--
Connection::startRpcCall() runs RPCs concurrently; CompletionQueue::wait() reports each one once
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\ServiceException;

$connection = connectToServer();
$operations = [];
for ($i = 0; $i < 20; $i++) {
    $operations[] = $connection->startRpcCall('WorkflowService', 'GetSystemInfo', '');
}
$missing = $connection->startRpcCall('WorkflowService', 'DescribeNamespace', describeNamespaceRequest('missing'));
var_dump(CompletionQueue::pendingCount());

$reported = [];
$deadline = hrtime(true) + 30e9;
while (count($reported) < 21 && hrtime(true) < $deadline) {
    foreach (CompletionQueue::wait(1000) as $operation) {
        $reported[$operation->getId()] = ($reported[$operation->getId()] ?? 0) + 1;
    }
}
var_dump(count($reported), max($reported), CompletionQueue::pendingCount());

$responses = array_unique(array_map(fn($operation) => $operation->getResult(), $operations));
var_dump(count($responses), protoStringField($responses[0], 1) !== null);
try {
    $missing->getResult();
} catch (ServiceException $e) {
    echo get_class($e), ' ', $e->getCode(), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
int(21)
int(21)
int(1)
int(0)
int(1)
bool(true)
TrueAsync\Temporal\Core\ServiceException 5: Namespace missing is not found.
