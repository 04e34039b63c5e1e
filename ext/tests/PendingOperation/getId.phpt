--TEST--
PendingOperation::getId() is unique and increasing; isDone() turns true once the completion is delivered
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\Connection;

$operations = [];
for ($i = 0; $i < 3; $i++) {
    $operations[] = Connection::startConnect(refusedConnectOptions());
}
$ids = array_map(fn($operation) => $operation->getId(), $operations);
var_dump($ids[0] > 0, $ids[0] < $ids[1], $ids[1] < $ids[2]);
var_dump($operations[0]->isDone());
foreach ($operations as $operation) {
    $operation->wait();
}
var_dump(array_map(fn($operation) => $operation->isDone(), $operations));
var_dump(array_map(fn($operation) => $operation->getId(), $operations) === $ids);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(false)
array(3) {
  [0]=>
  bool(true)
  [1]=>
  bool(true)
  [2]=>
  bool(true)
}
bool(true)
