<?php

// The template process of a ProcessPoolActivityExecutor, started by the worker:
//   php [the worker's interpreter options] activity-process.php AUTOLOADER BOOTSTRAP TASK_QUEUE
// stdin is its control socket to the worker. It forks the pool's activity processes, each of which runs
// BOOTSTRAP. AUTOLOADER is the worker's Composer autoload.php.

declare(strict_types=1);

use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcessTemplateMain;

[, $autoloader, $bootstrap, $taskQueue] = $argv + [null, '', '', ''];
// A process group of its own: a Ctrl-C at the terminal reaches the worker only, which drains the pool.
posix_setpgid(0, 0);
if ($autoloader === '' || !is_file($autoloader)) {
    fwrite(STDERR, "activity-process.php: no Composer autoloader to load (\"$autoloader\"): the worker must run with one\n");
    exit(2);
}
require $autoloader;
if (!is_resource(STDIN) || @socket_import_stream(STDIN) === false) {
    fwrite(STDERR, "activity-process.php: stdin is not a socket: only a worker starts this script\n");
    exit(2);
}
ActivityProcessTemplateMain::run(STDIN, $bootstrap, $taskQueue);
exit(0);
