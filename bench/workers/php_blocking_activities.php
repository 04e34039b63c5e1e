<?php

// The blocking scenario's activity "block": it blocks the process for its argument in milliseconds (usleep,
// standing for PDO or curl) and returns when its code started running (Unix time in microseconds), from which
// the scenario computes the dispatch latency. The pool peer's bootstrap file; the fibers peer registers it on
// its Worker through the same function.

declare(strict_types=1);

use TrueAsync\Temporal\Worker\ActivityRegistrar;

return static function (ActivityRegistrar $activities): void {
    $activities->registerActivityCallable('block', static function (int $milliseconds): int {
        $started = (int) (microtime(true) * 1e6);
        usleep($milliseconds * 1000);
        return $started;
    });
};
