<?php

// An activity process of a ProcessPoolActivityExecutor, started by the worker:
//   php [the worker's interpreter options] activity-process.php AUTOLOADER BOOTSTRAP TASK_QUEUE
// fd 3 is its socket to the worker. AUTOLOADER is the worker's Composer autoload.php.

declare(strict_types=1);

use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcessMain;

[, $autoloader, $bootstrap, $taskQueue] = $argv + [null, '', '', ''];
// A process group of its own: a Ctrl-C at the terminal reaches the worker only, which drains the pool.
if (function_exists('posix_setpgid')) {
    posix_setpgid(0, 0);
}
if ($autoloader === '' || !is_file($autoloader)) {
    fwrite(STDERR, "activity-process.php: no Composer autoloader to load (\"$autoloader\"): the worker must run with one\n");
    exit(2);
}
require $autoloader;
$socket = fopen('php://fd/3', 'r+');
if ($socket === false) {
    fwrite(STDERR, "activity-process.php: fd 3 is not open: only a worker starts this script\n");
    exit(2);
}
$process = ActivityProcessMain::boot($socket, $bootstrap, $taskQueue);
$process?->run();
exit($process === null ? 1 : 0);
