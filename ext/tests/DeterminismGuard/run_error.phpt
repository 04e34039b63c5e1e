--TEST--
DeterminismGuard: run() does not nest; the budget is 0 (off) to 2147483647; exceptions and exit pass through
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

use TrueAsync\Temporal\Core\DeterminismGuard;

allowedInside('nested', fn() => DeterminismGuard::run(fn() => 1));
allowedInside('exception', function () {
    throw new RuntimeException('from workflow code');
});
foreach ([-1, 2147483648] as $budget) {
    try {
        DeterminismGuard::setDeadlockBudgetMs($budget);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
DeterminismGuard::setDeadlockBudgetMs(0);
var_dump(DeterminismGuard::getDeadlockBudgetMs());
echo "budget 0: no watchdog\n";
allowedInside('long run', function () {
    for ($i = 0; $i < 3000000; $i++) {
    }
    return $i;
});
try {
    new DeterminismGuard();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
echo "exit() inside run() ends the script as usual:\n";
DeterminismGuard::setDeadlockBudgetMs(100);
DeterminismGuard::run(function () {
    try {
        exit("bye\n");
    } finally {
        echo "never\n";
    }
});
echo "never\n";
?>
--EXPECT--
nested: Error: DeterminismGuard::run() is already running
exception: RuntimeException: from workflow code
TrueAsync\Temporal\Core\DeterminismGuard::setDeadlockBudgetMs(): Argument #1 ($budgetMs) must be between 0 and 2147483647
TrueAsync\Temporal\Core\DeterminismGuard::setDeadlockBudgetMs(): Argument #1 ($budgetMs) must be between 0 and 2147483647
int(0)
budget 0: no watchdog
long run: 3000000
Call to private TrueAsync\Temporal\Core\DeterminismGuard::__construct() from global scope
exit() inside run() ends the script as usual:
bye
