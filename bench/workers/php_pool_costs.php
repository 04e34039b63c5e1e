<?php

// The blocking scenario's pool costs, measured with the pool's own classes: the template process (a fresh PHP
// process from proc_open: PHP start, autoloader, the SDK's code) from start to READY and its unique set size;
// then COUNT activity processes forked from it one after another (each runs php_blocking_activities.php as its
// bootstrap), each from the fork request to its READY and its unique set size once ready (Private_Clean +
// Private_Dirty of /proc/PID/smaps_rollup: what the template's copy-on-write pages do not cover).
// Prints one JSON line: {"template_start_ms": x, "template_uss_kib": n, "fork_ms": [...], "uss_kib": [...]}.
//
//   php -d extension=build/ext/modules/temporal.so bench/workers/php_pool_costs.php COUNT

declare(strict_types=1);

use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcessTemplate;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\Frame;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\PhpCommand;

require __DIR__ . '/../../vendor/autoload.php';

function ussKib(int $pid): int
{
    $kib = 0;
    foreach (file("/proc/$pid/smaps_rollup") ?: [] as $line) {
        if (preg_match('/^Private_(Clean|Dirty):\s+(\d+) kB/', $line, $m) === 1) {
            $kib += (int) $m[2];
        }
    }
    return $kib;
}

/** @param resource $socket */
function awaitFrame($socket): ?string
{
    $buffer = '';
    while (($frames = Frame::decode($buffer)) === []) {
        $chunk = fread($socket, 1 << 16);
        if ($chunk === false || $chunk === '') {
            return null;
        }
        $buffer .= $chunk;
    }
    return $frames[0][0];
}

$count = (int) ($argv[1] ?? 0);
if ($count < 1) {
    fwrite(STDERR, "usage: php_pool_costs.php COUNT\n");
    exit(2);
}
$command = [...PhpCommand::ofThisProcess(), ...PhpCommand::activityProcess(__DIR__ . '/php_blocking_activities.php', 'costs')];
$started = hrtime(true);
$template = ActivityProcessTemplate::start($command);
$figures = ['template_start_ms' => (hrtime(true) - $started) / 1e6, 'template_uss_kib' => ussKib($template->pid),
    'fork_ms' => [], 'uss_kib' => []];
for ($i = 0; $i < $count; $i++) {
    $started = hrtime(true);
    [$pid, $socket] = $template->fork();
    if (awaitFrame($socket) !== Frame::READY) {
        fwrite(STDERR, "php_pool_costs.php: process $i did not start\n");
        exit(1);
    }
    $figures['fork_ms'][] = (hrtime(true) - $started) / 1e6;
    $figures['uss_kib'][] = ussKib($pid);
    Frame::write($socket, Frame::encode(Frame::QUIT));
    awaitFrame($socket);  // end of file: it exits
    fclose($socket);
    $template->reap($pid);
}
$template->quit();
echo json_encode($figures), "\n";
