--TEST--
DeterminismGuard::run(): code that never yields is stopped within the budget and run() throws DeadlockException
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

use TrueAsync\Temporal\Core\DeterminismGuard;

function spin(): void
{
    while (true) {
        LoopUnderTest::$entered = true;
    }
}

var_dump(DeterminismGuard::getDeadlockBudgetMs());

// A budget of 200 ms, more if the machine is too slow to reach the loop in that time (runUntilStoppedInLoop).
echo "a loop in a Fiber:\n";
$fiber = null;
[$e, $elapsedMs, $budgetMs] = runUntilStoppedInLoop(200, function () use (&$fiber) {
    $fiber = new Fiber(function () {
        spin();
    });
    return fn() => $fiber->start();
});
echo $e->getMessage(), "\n";
echo $e->getWorkflowStack();
var_dump($e->getPrevious());
var_dump($elapsedMs >= $budgetMs && $elapsedMs < $budgetMs + slackMs());
var_dump($fiber->isTerminated(), DeterminismGuard::isDeadlocked());

echo "a loop outside any Fiber:\n";
[$e] = runUntilStoppedInLoop(200, fn() => 'spin');
echo $e->getMessage(), "\n";

echo "after run() nothing fires, and the guard is off (isDeadlocked() until the next run()):\n";
$until = hrtime(true) + 400e6;
while (hrtime(true) < $until) {
}
var_dump(is_int(time()), DeterminismGuard::isDeadlocked());
var_dump(DeterminismGuard::run(fn() => 42), DeterminismGuard::isDeadlocked());

echo "code that finishes within the budget is not stopped:\n";
DeterminismGuard::setDeadlockBudgetMs(10000);
var_dump(DeterminismGuard::run(function () {
    for ($i = 0; $i < 100000; $i++) {
    }
    return $i;
}));
?>
--EXPECTF--
int(2000)
a loop in a Fiber:
potential deadlock: workflow code ran %d ms without yielding (at %sdeadlock.php:9)
#0 %sdeadlock.php(20): spin()
#1 [internal function]: {closure}()
#2 %sdeadlock.php(22): Fiber->start()
#3 [internal function]: {closure}()
#4 %sguard.php(%d): TrueAsync\Temporal\Core\DeterminismGuard::run()
#5 %sdeadlock.php(18): runUntilStoppedInLoop()
NULL
bool(true)
bool(true)
bool(true)
a loop outside any Fiber:
potential deadlock: workflow code ran %d ms without yielding (at %sdeadlock.php:9)
after run() nothing fires, and the guard is off (isDeadlocked() until the next run()):
bool(true)
bool(true)
int(42)
bool(false)
code that finishes within the budget is not stopped:
int(100000)
