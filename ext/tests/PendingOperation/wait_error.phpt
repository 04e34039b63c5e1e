--TEST--
PendingOperation::wait() rejects timeouts outside 0..2147483647
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';

use TrueAsync\Temporal\Core\Connection;

$operation = Connection::startConnect(refusedConnectOptions());
foreach ([
    fn() => $operation->wait(-1),
    fn() => $operation->wait(2147483648),
    fn() => $operation->wait('later'),
    fn() => $operation->wait(1, 2),
] as $attempt) {
    try {
        $attempt();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($operation->wait(null));
?>
--EXPECT--
ValueError: TrueAsync\Temporal\Core\PendingOperation::wait(): Argument #1 ($timeoutMs) must be between 0 and 2147483647
ValueError: TrueAsync\Temporal\Core\PendingOperation::wait(): Argument #1 ($timeoutMs) must be between 0 and 2147483647
TypeError: TrueAsync\Temporal\Core\PendingOperation::wait(): Argument #1 ($timeoutMs) must be of type ?int, string given
ArgumentCountError: TrueAsync\Temporal\Core\PendingOperation::wait() expects at most 1 argument, 2 given
bool(true)
