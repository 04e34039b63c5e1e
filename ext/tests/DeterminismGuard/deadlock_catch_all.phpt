--TEST--
DeterminismGuard::run(): a loop that catches every Throwable, or loops in finally, is stopped too
--FILE--
<?php
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\DeterminismGuard;

require __DIR__ . '/../fixtures/guard.php';

DeterminismGuard::setDeadlockBudgetMs(100);

// "ran 123 ms" → "ran N ms" (no regex: PCRE's JIT upsets memcheck)
function withoutMs(string $message): string
{
    $start = strpos($message, 'ran ') + 4;
    return substr($message, 0, $start) . 'N' . substr($message, strpos($message, ' ms', $start));
}

function attemptDeadlock(string $label, callable $body): void
{
    $fiber = new Fiber($body);
    $start = hrtime(true);
    try {
        DeterminismGuard::run(fn() => $fiber->start());
        echo "$label: returned\n";
    } catch (DeadlockException $e) {
        $elapsedMs = (hrtime(true) - $start) / 1e6;
        echo "$label: ", withoutMs($e->getMessage()), "\n";
        echo '  within budget + 1 s: ', var_export($elapsedMs < 100 + slackMs(), true), "\n";
        echo '  fiber terminated: ', var_export($fiber->isTerminated(), true), "\n";
    }
}

attemptDeadlock('catch-all loop', function () {
    while (true) {
        try {
            for (;;) {
            }
        } catch (\Throwable) {
            echo "never: the stop is not a Throwable\n";
        }
    }
});

attemptDeadlock('finally that loops', function () {
    try {
        for (;;) {
        }
    } finally {
        echo "  finally runs once\n";
        while (true) {
        }
    }
});

function swallowing(): int
{
    try {
        for (;;) {
        }
    } finally {
        return 1;   // discards whatever was thrown
    }
}

attemptDeadlock('return in finally, caller loops', function () {
    while (true) {
        swallowing();
    }
});

attemptDeadlock('a loop of calls', function () {
    while (true) {
        strlen('x');
    }
});
?>
--EXPECTF--
catch-all loop: potential deadlock: workflow code ran N ms without yielding (at %sdeadlock_catch_all.php:%d)
  within budget + 1 s: true
  fiber terminated: true
  finally runs once
finally that loops: potential deadlock: workflow code ran N ms without yielding (at %sdeadlock_catch_all.php:%d)
  within budget + 1 s: true
  fiber terminated: true
return in finally, caller loops: potential deadlock: workflow code ran N ms without yielding (at %sdeadlock_catch_all.php:%d)
  within budget + 1 s: true
  fiber terminated: true
a loop of calls: potential deadlock: workflow code ran N ms without yielding (at %sdeadlock_catch_all.php:%d)
  within budget + 1 s: true
  fiber terminated: true
