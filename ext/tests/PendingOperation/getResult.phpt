--TEST--
PendingOperation::getResult() gives the outcome of a done operation, as often as asked
--DESCRIPTION--
A failed connect throws ConnectionException; each call throws a fresh exception from the caller's line.
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\ConnectionException;
use TrueAsync\Temporal\Core\TemporalException;

$operation = Connection::startConnect(refusedConnectOptions());
$operation->wait();
$seen = [];
for ($i = 0; $i < 2; $i++) {
    try {
        $line = __LINE__ + 1;
        $operation->getResult();
    } catch (ConnectionException $e) {
        $seen[] = $e;
        var_dump($e instanceof TemporalException, $e->getCode(), $e->getLine() === $line);
        var_dump(str_starts_with($e->getMessage(), 'cannot connect to Temporal: '));
        var_dump(str_contains($e->getMessage(), 'Connection refused'));
    }
}
var_dump($seen[0] !== $seen[1]);
?>
--EXPECT--
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
