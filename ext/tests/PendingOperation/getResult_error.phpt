--TEST--
PendingOperation::getResult() throws \Error before the operation is done; PendingOperation is not constructible
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\PendingOperation;

$operation = Connection::startConnect(refusedConnectOptions());
foreach ([
    fn() => $operation->getResult(),
    fn() => $operation->getResult(1),
    fn() => new PendingOperation(),
    fn() => clone $operation,
    fn() => serialize($operation),
    fn() => (new ReflectionClass(PendingOperation::class))->newInstanceWithoutConstructor(),
] as $attempt) {
    try {
        $attempt();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECTF--
Error: Operation %d is not done yet: wait() for it first
ArgumentCountError: TrueAsync\Temporal\Core\PendingOperation::getResult() expects exactly 0 arguments, 1 given
Error: Call to private TrueAsync\Temporal\Core\PendingOperation::__construct() from global scope
Error: Trying to clone an uncloneable object of class TrueAsync\Temporal\Core\PendingOperation
Exception: Serialization of 'TrueAsync\Temporal\Core\PendingOperation' is not allowed
ReflectionException: Class TrueAsync\Temporal\Core\PendingOperation is an internal class marked as final that cannot be instantiated without invoking its constructor
