--TEST--
Clients record to the configured exporter; a forked child's runtime keeps the options but not the parent's port
--DESCRIPTION--
The parent serves Prometheus metrics and makes an RPC, which its client counts. The child builds its own runtime on
its first connection: with no exporter port of its own it cannot clash with the parent's, and configuring it
afterwards is refused. The parent's endpoint still answers after the child is gone.
--SKIPIF--
<?php
require __DIR__ . '/../fixtures/skipif_no_server.php';
if (!function_exists('pcntl_fork')) die('skip pcntl is not available');
if (getenv('SKIP_ASAN')) die('skip LeakSanitizer cannot check a forked child of a threaded process');
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\Runtime;

$started = json_decode(Runtime::configure('{"prometheus": {"bind_address": "127.0.0.1:0"}}'), true);
$metrics = 'http://' . $started['prometheus_address'] . '/metrics';
$connection = connectToServer();
var_dump($connection->rpcCall('WorkflowService', 'GetSystemInfo', '') !== '');
var_dump(preg_match('/^temporal_request\{.*operation="GetSystemInfo"/m', file_get_contents($metrics)) === 1);

$pid = pcntl_fork();
if ($pid === 0) {
    $own = Connection::connect(connectOptions());
    echo 'child: ', $own->rpcCall('WorkflowService', 'GetSystemInfo', '') !== '' ? 'connected' : 'no answer', "\n";
    try {
        Runtime::configure('{}');
    } catch (LogicException $e) {
        echo "child: LogicException\n";
    }
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status));
var_dump(str_contains(file_get_contents($metrics), 'temporal_request'));
?>
--EXPECT--
bool(true)
bool(true)
child: connected
child: LogicException
int(0)
bool(true)
