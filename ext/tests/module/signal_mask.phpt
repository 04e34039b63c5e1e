--TEST--
Signals sent to the process reach only PHP's main thread: the runtime's, a replayer's and the watchdog's threads block them
--DESCRIPTION--
A connect to a port nothing listens on builds the core runtime (its Tokio workers start with it); a replayer makes
the core start its workflow-processing thread from PHP's thread; a guarded run with a deadlock budget starts the
watchdog thread. Every thread but PHP's must block SIGINT and SIGTERM, so Ctrl-C and `kill` run PHP's handlers.
Worker/signal_mask.phpt does the same for a worker on a server.
--SKIPIF--
<?php if (!is_dir('/proc/self/task')) die('skip needs /proc/self/task'); ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';
require __DIR__ . '/../fixtures/replay.php';
require __DIR__ . '/../fixtures/worker.php';
require __DIR__ . '/../fixtures/signals.php';

use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\DeterminismGuard;
use TrueAsync\Temporal\Core\Replayer;

reportSignalMasks();
var_dump(Connection::startConnect(refusedConnectOptions())->wait(30000));
$replayer = new Replayer(replayOptions());
DeterminismGuard::setDeadlockBudgetMs(60000);
DeterminismGuard::run(fn() => null);
reportSignalMasks();

$worker = $replayer->getWorker();
$replayer->close();
echo 'poll: ', var_export(settle($worker->startPollWorkflowActivation()), true), "\n";
attempt('finalize', fn() => $worker->finalizeShutdown());
?>
--EXPECT--
main thread blocks SIGINT: false, SIGTERM: false
other threads: none
bool(true)
main thread blocks SIGINT: false, SIGTERM: false
other threads: some
poll: NULL
finalize: NULL
