--TEST--
Connection::rpcCall() turns every bad input into a typed exception, and a gRPC error into ServiceException
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\ServiceException;

$connection = connectToServer();
$call = fn(...$args) => $connection->rpcCall(...$args);

foreach ([
    'unknown service' => ['NoSuchService', 'GetSystemInfo', ''],
    'empty service' => ['', 'GetSystemInfo', ''],
    'unknown method' => ['WorkflowService', 'NoSuchMethod', ''],
    'method of another service' => ['HealthService', 'GetSystemInfo', ''],
    'request that is not the message' => ['WorkflowService', 'GetSystemInfo', "\xff\xff\xff"],
    'truncated request' => ['WorkflowService', 'DescribeNamespace', "\x0a\x10default"],
    'negative timeout' => ['WorkflowService', 'GetSystemInfo', '', -1],
    'huge timeout' => ['WorkflowService', 'GetSystemInfo', '', 2147483648],
    'metadata with a newline' => ['WorkflowService', 'GetSystemInfo', '', 0, ['x-team' => "a\nb"]],
    'invalid header name' => ['WorkflowService', 'GetSystemInfo', '', 0, ['bad header' => 'x']],
    'binary header that is not base64' => ['WorkflowService', 'GetSystemInfo', '', 0, ['x-blob-bin' => '%%']],
    'metadata with an int key' => ['WorkflowService', 'GetSystemInfo', '', 0, ['x']],
    'metadata with an int value' => ['WorkflowService', 'GetSystemInfo', '', 0, ['x-count' => 1]],
    'metadata that is not UTF-8' => ['WorkflowService', 'GetSystemInfo', '', 0, ['x-name' => "\xff"]],
    'request of the wrong type' => ['WorkflowService', 'GetSystemInfo', []],
    'cancel of the wrong type' => ['WorkflowService', 'GetSystemInfo', '', 0, [], new stdClass()],
    'too few arguments' => ['WorkflowService', 'GetSystemInfo'],
] as $case => $args) {
    try {
        $call(...$args);
        echo "$case: no exception\n";
    } catch (Throwable $e) {
        echo "$case: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo "nothing was started: ", CompletionQueue::pendingCount(), "\n";

echo "gRPC error:\n";
try {
    $connection->rpcCall('WorkflowService', 'DescribeNamespace', describeNamespaceRequest('no-such-namespace'));
} catch (ServiceException $e) {
    var_dump($e->getCode(), $e->getMessage(), $e->getGrpcMessage());
    $details = $e->getDetails();
    var_dump(bin2hex(substr($details, 0, 2)));
    var_dump(protoStringField($details, 2));
    var_dump(protoStringField(protoStringField($details, 3), 1));
}
?>
--EXPECT--
unknown service: ValueError: unknown service "NoSuchService" (expected one of: WorkflowService, OperatorService, HealthService, TestService)
empty service: ValueError: unknown service "" (expected one of: WorkflowService, OperatorService, HealthService, TestService)
unknown method: ValueError: unknown method "NoSuchMethod" of WorkflowService
method of another service: ValueError: unknown method "GetSystemInfo" of HealthService
request that is not the message: ValueError: request bytes are not a valid temporal.api.workflowservice.v1.GetSystemInfoRequest: failed to decode Protobuf message: invalid varint
truncated request: ValueError: request bytes are not a valid temporal.api.workflowservice.v1.DescribeNamespaceRequest: failed to decode Protobuf message: DescribeNamespaceRequest.namespace: buffer underflow
negative timeout: ValueError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #4 ($timeoutMs) must be between 0 and 2147483647
huge timeout: ValueError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #4 ($timeoutMs) must be between 0 and 2147483647
metadata with a newline: ValueError: metadata "x-team" has a value that is not a valid gRPC header value (printable ASCII, no newlines)
invalid header name: ValueError: metadata key "bad header" is not a valid gRPC header name
binary header that is not base64: ValueError: metadata "x-blob-bin" ends in -bin but its value is not base64: Invalid symbol 37, offset 0.
metadata with an int key: ValueError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #5 ($metadata) must contain only string keys
metadata with an int value: TypeError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #5 ($metadata) must contain only string values, int given
metadata that is not UTF-8: ValueError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #5 ($metadata) must contain only valid UTF-8 strings
request of the wrong type: TypeError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #3 ($request) must be of type string, array given
cancel of the wrong type: TypeError: TrueAsync\Temporal\Core\Connection::rpcCall(): Argument #6 ($cancel) must be of type ?TrueAsync\Temporal\Core\CancellationToken, stdClass given
too few arguments: ArgumentCountError: TrueAsync\Temporal\Core\Connection::rpcCall() expects at least 3 arguments, 2 given
nothing was started: 0
gRPC error:
int(5)
string(41) "Namespace no-such-namespace is not found."
string(41) "Namespace no-such-namespace is not found."
string(4) "0805"
string(41) "Namespace no-such-namespace is not found."
string(73) "type.googleapis.com/temporal.api.errordetails.v1.NamespaceNotFoundFailure"
