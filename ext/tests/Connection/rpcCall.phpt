--TEST--
Connection::rpcCall() sends the encoded request and returns the encoded response
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CancellationToken;

$connection = connectToServer();

echo "WorkflowService.GetSystemInfo, empty request:\n";
$info = $connection->rpcCall('WorkflowService', 'GetSystemInfo', '');
var_dump(preg_match('/^\d+\.\d+\.\d+/', protoStringField($info, 1)) === 1);

echo "HealthService.Check: SERVING\n";
var_dump(bin2hex($connection->rpcCall('HealthService', 'Check', '')));

echo "OperatorService.ListSearchAttributes:\n";
$attributes = $connection->rpcCall('OperatorService', 'ListSearchAttributes', protoField(1, 'default'));
var_dump(str_contains($attributes, 'WorkflowType'));

echo "every argument:\n";
$response = $connection->rpcCall('WorkflowService', 'DescribeNamespace', describeNamespaceRequest('default'),
    30000, ['x-test-suite' => 'ext', 'x-trace-bin' => base64_encode("\x00\xff")], new CancellationToken(), true);
var_dump(str_contains($response, 'default'));

echo "named arguments:\n";
$response = $connection->rpcCall(service: 'WorkflowService', method: 'GetSystemInfo', request: '', retry: true);
var_dump($response === $info);
?>
--EXPECT--
WorkflowService.GetSystemInfo, empty request:
bool(true)
HealthService.Check: SERVING
string(4) "0801"
OperatorService.ListSearchAttributes:
bool(true)
every argument:
bool(true)
named arguments:
bool(true)
