--TEST--
CompletionQueue::readinessFd() polls readable while a completion waits to be collected, and wait() clears it
--DESCRIPTION--
The operations are connects to a port nothing listens on: they complete by themselves (refused), no server needed.
Each "armed" check selects with a 30 s timeout and returns as soon as the descriptor is readable.
--FILE--
<?php
require __DIR__ . '/../fixtures/offline.php';
require __DIR__ . '/../fixtures/readiness.php';

use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

$fd = CompletionQueue::readinessFd();
var_dump($fd > 2, CompletionQueue::readinessFd() === $fd);
$queue = fopen('php://fd/' . $fd, 'r');

echo "before any operation:\n";
var_dump(readable($queue, 0));

echo "a completion arms it, wait(0) clears it:\n";
$first = Connection::startConnect(refusedConnectOptions());
var_dump(readable($queue, 30000));
var_dump(CompletionQueue::wait(0) === [$first]);
var_dump(readable($queue, 0));

echo "the next completion arms it again:\n";
$second = Connection::startConnect(refusedConnectOptions());
var_dump(readable($queue, 30000));
var_dump(CompletionQueue::wait(0) === [$second]);
var_dump(readable($queue, 0));

echo "delivered inside PendingOperation::wait(), it stays armed until CompletionQueue::wait() returns it:\n";
$third = Connection::startConnect(refusedConnectOptions());
var_dump($third->wait(30000));
var_dump(readable($queue, 0));
var_dump(CompletionQueue::wait(0) === [$third]);
var_dump(readable($queue, 0));

echo "a wait that blocks until the completion comes leaves nothing armed but a spurious wake-up:\n";
$fourth = Connection::startConnect(refusedConnectOptions());
var_dump(CompletionQueue::wait(30000) === [$fourth]);
// The bridge arms the descriptor before a waiter can see the completion and wait() clears it before each drain,
// so it is clear here, unless the completion landed in the instant between a clear and its drain: then wait(0)
// finds nothing and clears it.
var_dump(!readable($queue, 0) || (CompletionQueue::wait(0) === [] && !readable($queue, 0)));

echo "watched together with another stream:\n";
[$left, $right] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$fifth = Connection::startConnect(refusedConnectOptions());
$read = [$left, $queue];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 30));
var_dump($read === [1 => $queue]);
var_dump(collect($fifth));
fwrite($right, 'x');
$read = [$left, $queue];
var_dump(stream_select($read, $write, $except, 30), $read === [0 => $left]);

echo "close-on-exec and non-blocking:\n";
preg_match('/^flags:\s+([0-7]+)$/m', file_get_contents("/proc/self/fdinfo/$fd"), $flags);
var_dump((octdec($flags[1]) & 02000000) !== 0, (octdec($flags[1]) & 04000) !== 0);
// What the child shell holds at that number, read from its own table ($$): under valgrind the number may hold one
// of valgrind's files. No environment, so no preloaded sanitizer runs in the child.
$child = proc_open(['/bin/sh', '-c', "readlink /proc/\$\$/fd/$fd || true"], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
    $pipes, null, []);
$held = trim(stream_get_contents($pipes[1]));
echo 'in a proc_open child: ', $held === 'anon_inode:[eventfd]' ? 'inherited' : 'not inherited', "\n";
fclose($pipes[2]);
fclose($pipes[1]);
var_dump(proc_close($child));
?>
--EXPECT--
bool(true)
bool(true)
before any operation:
bool(false)
a completion arms it, wait(0) clears it:
bool(true)
bool(true)
bool(false)
the next completion arms it again:
bool(true)
bool(true)
bool(false)
delivered inside PendingOperation::wait(), it stays armed until CompletionQueue::wait() returns it:
bool(true)
bool(true)
bool(true)
bool(false)
a wait that blocks until the completion comes leaves nothing armed but a spurious wake-up:
bool(true)
bool(true)
watched together with another stream:
int(1)
bool(true)
bool(true)
int(1)
bool(true)
close-on-exec and non-blocking:
bool(true)
bool(true)
in a proc_open child: not inherited
int(0)
