<?php

// The blocking scenario's pool costs: starts COUNT activity processes one after another, each exactly as a
// ProcessPoolActivityExecutor does (same command, same descriptors, bootstrap php_blocking_activities.php),
// and measures, per process, the milliseconds from proc_open to its READY frame (PHP start, autoloader,
// bootstrap) and its unique set size once ready (Private_Clean + Private_Dirty of /proc/PID/smaps_rollup).
// Run it under the interpreter options to measure (opcache settings): the processes inherit them.
// Prints one JSON line: {"start_ms": [...], "uss_kib": [...]}.
//
//   php -d extension=build/ext/modules/temporal.so [-d opcache...] bench/workers/php_pool_costs.php COUNT

declare(strict_types=1);

use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcess;
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

$count = (int) ($argv[1] ?? 0);
if ($count < 1) {
    fwrite(STDERR, "usage: php_pool_costs.php COUNT\n");
    exit(2);
}
$command = [...PhpCommand::ofThisProcess(), ...PhpCommand::activityProcess(__DIR__ . '/php_blocking_activities.php', 'costs')];
$figures = ['start_ms' => [], 'uss_kib' => []];
$scheduler = new FiberScheduler();
$scheduler->spawn(static function () use ($command, $count, $scheduler, &$figures): void {
    for ($i = 0; $i < $count; $i++) {
        $started = hrtime(true);
        $process = ActivityProcess::start($command);
        $frames = $process->receive($scheduler);
        if ($frames === null || $frames[0][0] !== Frame::READY) {
            fwrite(STDERR, "php_pool_costs.php: process $i did not start: " . json_encode($frames) . "\n");
            exit(1);
        }
        $figures['start_ms'][] = (hrtime(true) - $started) / 1e6;
        $figures['uss_kib'][] = ussKib($process->pid);
        $process->send(Frame::QUIT);
        $process->receive($scheduler);  // end of file: it exits
        $process->awaitExit($scheduler);
    }
});
$scheduler->run();
echo json_encode($figures), "\n";
