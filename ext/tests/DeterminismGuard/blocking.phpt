--TEST--
DeterminismGuard::run(): sleeping, sockets and URLs are refused; memory streams and local files are allowed
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

refusedInside('sleep', fn() => sleep(0));
refusedInside('usleep', fn() => usleep(1));
refusedInside('time_nanosleep', fn() => time_nanosleep(0, 1));
refusedInside('time_sleep_until', fn() => time_sleep_until(0));
refusedInside('fsockopen', fn() => fsockopen('127.0.0.1', 1, $code, $message, 0.1));
refusedInside('pfsockopen', fn() => pfsockopen('127.0.0.1', 1, $code, $message, 0.1));
refusedInside('stream_socket_client', fn() => stream_socket_client('tcp://127.0.0.1:1', $code, $message, 0.1));
refusedInside('file_get_contents URL', fn() => file_get_contents('http://127.0.0.1:1/'));
refusedInside('fopen URL', fn() => fopen('HTTPS://127.0.0.1:1/', 'r'));
refusedInside('fopen file URL', fn() => fopen('file://' . __FILE__, 'r'));

echo "memory streams and local paths are allowed:\n";
allowedInside('php://memory', fn() => file_get_contents('php://memory'));
allowedInside('php://temp', fn() => is_resource(fopen('php://temp/maxmemory:1024', 'r+')));
allowedInside('local file', fn() => strlen(file_get_contents(__FILE__)) > 0);
allowedInside('fopen local', fn() => is_resource(fopen(__FILE__, 'r')));
?>
--EXPECTF--
sleep() is not deterministic in workflow code (called at %sblocking.php:4); use Workflow::sleep()
sleep outside: ok
usleep() is not deterministic in workflow code (called at %sblocking.php:5); use Workflow::sleep()
usleep outside: ok
time_nanosleep() is not deterministic in workflow code (called at %sblocking.php:6); use Workflow::sleep()
time_nanosleep outside: ok
time_sleep_until() is not deterministic in workflow code (called at %sblocking.php:7); use Workflow::sleep()
time_sleep_until outside: ok
fsockopen() is not deterministic in workflow code (called at %sblocking.php:8); run it in an activity
fsockopen outside: ok
pfsockopen() is not deterministic in workflow code (called at %sblocking.php:9); run it in an activity
pfsockopen outside: ok
stream_socket_client() is not deterministic in workflow code (called at %sblocking.php:10); run it in an activity
stream_socket_client outside: ok
file_get_contents() is not deterministic in workflow code (called at %sblocking.php:11); run it in an activity
file_get_contents URL outside: ok
fopen() is not deterministic in workflow code (called at %sblocking.php:12); run it in an activity
fopen URL outside: ok
fopen() is not deterministic in workflow code (called at %sblocking.php:13); run it in an activity
fopen file URL outside: ok
memory streams and local paths are allowed:
php://memory: ''
php://temp: true
local file: true
fopen local: true
