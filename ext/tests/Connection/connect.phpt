--TEST--
Connection::connect() connects to the server, or throws CancelledException when its token is already cancelled
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

$connection = Connection::connect(connectOptions());
var_dump($connection instanceof Connection);
var_dump(CompletionQueue::pendingCount());
echo "blocking calls are not reported to a scheduler:\n";
var_dump(CompletionQueue::wait(0));

$connection = Connection::connect(connectOptions([
    'target' => temporalAddress(),
    'metadata' => ['x-test-suite' => 'ext', 'x-blob-bin' => base64_encode("\x00\x01")],
    'connect_timeout_ms' => 30000,
    'retry' => ['initial_interval_ms' => 50, 'randomization_factor' => 0.0, 'multiplier' => 2.0,
        'max_interval_ms' => 1000, 'max_elapsed_time_ms' => null, 'max_retries' => null],
]), new CancellationToken());
var_dump($connection instanceof Connection);

$token = new CancellationToken();
$token->cancel();
try {
    Connection::connect(connectOptions(), $token);
} catch (CancelledException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
int(0)
blocking calls are not reported to a scheduler:
array(0) {
}
bool(true)
TrueAsync\Temporal\Core\CancelledException: operation cancelled
