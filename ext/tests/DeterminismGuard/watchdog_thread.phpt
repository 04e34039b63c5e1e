--TEST--
DeterminismGuard: the watchdog thread is made by the first run() with a budget, once per process
--SKIPIF--
<?php if (!is_dir('/proc/self/task')) die('skip needs /proc/self/task'); ?>
--FILE--
<?php
use TrueAsync\Temporal\Core\DeterminismGuard;

function threads(): int
{
    return count(scandir('/proc/self/task')) - 2;
}

$before = threads();
DeterminismGuard::setDeadlockBudgetMs(0);
DeterminismGuard::run(fn() => null);
var_dump(threads() - $before);
DeterminismGuard::setDeadlockBudgetMs(1000);
DeterminismGuard::run(fn() => null);
var_dump(threads() - $before);
for ($i = 0; $i < 1000; $i++) {
    DeterminismGuard::run(fn() => null);
}
var_dump(threads() - $before);
?>
--EXPECT--
int(0)
int(1)
int(1)
