--TEST--
Worker::validate() and startValidate() check the namespace with the server
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;

$connection = connectToServer();
$worker = newWorker($connection);
attempt('validate', fn() => $worker->validate());
$operation = $worker->startValidate();
attempt('startValidate', fn() => settle($operation));
var_dump(CompletionQueue::wait(0) === [$operation]);

echo "a namespace the server does not have:\n";
$unknown = newWorker($connection, ['namespace' => 'no-such-namespace']);
attempt('validate', fn() => $unknown->validate());
attempt('startValidate', fn() => settle($unknown->startValidate()));

echo "both still shut down:\n";
shutDown($worker, $worker->startPollWorkflowActivation(), $worker->startPollActivityTask());
shutDown($unknown, $unknown->startPollWorkflowActivation(), $unknown->startPollActivityTask());
?>
--EXPECTF--
validate: NULL
startValidate: NULL
bool(true)
a namespace the server does not have:
validate: TrueAsync\Temporal\Core\ServiceException: Namespace no-such-namespace is not found.
startValidate: 'TrueAsync\\Temporal\\Core\\ServiceException: Namespace no-such-namespace is not found.'
both still shut down:
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
