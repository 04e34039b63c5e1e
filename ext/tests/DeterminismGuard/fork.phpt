--TEST--
DeterminismGuard after fork(): the child makes its own watchdog thread; the parent's keeps working
--SKIPIF--
<?php
if (!function_exists('pcntl_fork')) die('skip pcntl is not available');
// LeakSanitizer in a forked child of a threaded process reports the parent's threads; memcheck covers fork.
if (getenv('SKIP_ASAN')) die('skip LeakSanitizer cannot check a forked child of a threaded process');
?>
--FILE--
<?php
use TrueAsync\Temporal\Core\DeadlockException;
use TrueAsync\Temporal\Core\DeterminismGuard;

function stopsSpin(string $who): void
{
    try {
        DeterminismGuard::run(function () {
            while (true) {
            }
        });
        echo "$who: returned\n";
    } catch (DeadlockException) {
        echo "$who: stopped\n";
    }
}

DeterminismGuard::setDeadlockBudgetMs(100);
stopsSpin('parent before fork');   // the watchdog thread exists now
$pid = pcntl_fork();
if ($pid === 0) {
    stopsSpin('child');
    stopsSpin('child again');
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status));
stopsSpin('parent after fork');
?>
--EXPECT--
parent before fork: stopped
child: stopped
child again: stopped
int(0)
parent after fork: stopped
