--TEST--
CompletionQueue::readinessFd() after fork(): the child gets an eventfd of its own and leaves the parent's armed
--DESCRIPTION--
The parent's descriptor is armed (a completion waits uncollected) when it forks. The child's readinessFd() is a new
eventfd: collecting and completing operations there never clears the parent's, which PHP's dup of it (the stream
opened before the fork) still shows readable, in the child and in the parent afterwards.
--SKIPIF--
<?php
if (!function_exists('pcntl_fork')) die('skip pcntl is not available');
// As Connection/fork.phpt: LeakSanitizer cannot check a forked child of a threaded process; memcheck covers fork.
if (getenv('SKIP_ASAN')) die('skip LeakSanitizer cannot check a forked child of a threaded process');
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';
require __DIR__ . '/../fixtures/readiness.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

$fd = CompletionQueue::readinessFd();
$parentQueue = fopen('php://fd/' . $fd, 'r');
$operation = Connection::startConnect(refusedConnectOptions());
var_dump(readable($parentQueue, 30000));

$pid = pcntl_fork();
if ($pid === 0) {
    echo "child:\n";
    $own = CompletionQueue::readinessFd();
    $childQueue = fopen('php://fd/' . $own, 'r');
    // The parent's uncollected operation settles here as "in flight at fork": it is ready, so the child's is armed.
    var_dump(readable($childQueue, 30000));
    var_dump(CompletionQueue::wait(0) === [$operation]);
    var_dump(readable($childQueue, 0));
    $mine = Connection::startConnect(refusedConnectOptions());
    var_dump(readable($childQueue, 30000));
    var_dump(CompletionQueue::wait(0) === [$mine], $mine->isDone());
    var_dump(readable($childQueue, 0));
    echo "the parent's is still armed: ";
    var_dump(readable($parentQueue, 0));
    exit(0);
}

pcntl_waitpid($pid, $status);
echo "parent:\n";
var_dump(pcntl_wifexited($status), pcntl_wexitstatus($status));
var_dump(CompletionQueue::readinessFd() === $fd);
var_dump(readable($parentQueue, 0));
var_dump(CompletionQueue::wait(0) === [$operation]);
try {
    $operation->getResult();
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
var_dump(readable($parentQueue, 0));
?>
--EXPECT--
bool(true)
child:
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
the parent's is still armed: bool(true)
parent:
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
TrueAsync\Temporal\Core\ConnectionException
bool(false)
