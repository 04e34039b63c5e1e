--TEST--
Replayer::__construct(): bad options are a ValueError; a Replayer constructs once
--FILE--
<?php
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\Replayer;

attempt('not json', fn() => new Replayer('{'));
attempt('unknown field', fn() => new Replayer(json_encode(['namespace' => 'default', 'task_queue' => 'q', 'bogus' => 1])));
$replayer = new Replayer(json_encode(['namespace' => 'default', 'task_queue' => 'q']));
attempt('constructed twice', fn() => $replayer->__construct('{}'));
$replayer->close();
$worker = $replayer->getWorker();
attempt('poll', fn() => settle($worker->startPollWorkflowActivation()));
attempt('finalize', fn() => $worker->finalizeShutdown());
?>
--EXPECTF--
not json: ValueError: %s
unknown field: ValueError: %sbogus%s
constructed twice: Error: This Replayer is already constructed
poll: NULL
finalize: NULL
