--TEST--
DeterminismGuard::run(): a loop that catches every Throwable, or loops in finally, is stopped too
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

// "ran 123 ms" → "ran N ms" (no regex: PCRE's JIT upsets memcheck)
function withoutMs(string $message): string
{
    $start = strpos($message, 'ran ') + 4;
    return substr($message, 0, $start) . 'N' . substr($message, strpos($message, ' ms', $start));
}

// A budget of 100 ms, more if the machine is too slow to reach the loop in that time (runUntilStoppedInLoop).
function attemptDeadlock(string $label, callable $body): void
{
    $fiber = null;
    [$e, $elapsedMs, $budgetMs] = runUntilStoppedInLoop(100, function () use ($body, &$fiber) {
        $fiber = new Fiber($body);
        return fn() => $fiber->start();
    });
    if ($e === null) {
        echo "$label: returned\n";
        return;
    }
    echo "$label: ", withoutMs($e->getMessage()), "\n";
    echo '  within budget + 1 s: ', var_export($elapsedMs < $budgetMs + slackMs(), true), "\n";
    echo '  fiber terminated: ', var_export($fiber->isTerminated(), true), "\n";
}

attemptDeadlock('catch-all loop', function () {
    while (true) {
        try {
            for (;;) {
                LoopUnderTest::$entered = true;
            }
        } catch (\Throwable) {
            echo "never: the stop is not a Throwable\n";
        }
    }
});

attemptDeadlock('finally that loops', function () {
    try {
        for (;;) {
            LoopUnderTest::$entered = true;
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
            LoopUnderTest::$entered = true;
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
        LoopUnderTest::$entered = true;
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
