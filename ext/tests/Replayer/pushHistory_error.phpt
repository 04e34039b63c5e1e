--TEST--
Replayer::pushHistory() / startPushHistory(): bad history bytes, a push after close(), close() twice
--FILE--
<?php
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Replayer;

$replayer = new Replayer(json_encode(['namespace' => 'default', 'task_queue' => 'q']));
attempt('bad history', fn() => $replayer->pushHistory('wf', "\xff\xff\xff"));
attempt('bad history (start)', fn() => $replayer->startPushHistory('wf', "\x0a\x05ab"));
attempt('close', fn() => $replayer->close());
attempt('close again', fn() => $replayer->close());
attempt('push after close', fn() => $replayer->pushHistory('wf', ''));
attempt('start push after close', fn() => $replayer->startPushHistory('wf', ''));
$worker = $replayer->getWorker();
echo 'poll after close: ', var_export(settle($worker->startPollWorkflowActivation()), true), "\n";
attempt('finalize', fn() => $worker->finalizeShutdown());
var_dump(CompletionQueue::pendingCount());
?>
--EXPECTF--
bad history: ValueError: bytes are not a valid History: %s
bad history (start): ValueError: bytes are not a valid History: %s
close: NULL
close again: NULL
push after close: ValueError: the replayer's history pusher is closed
start push after close: ValueError: the replayer's history pusher is closed
poll after close: NULL
finalize: NULL
int(0)
