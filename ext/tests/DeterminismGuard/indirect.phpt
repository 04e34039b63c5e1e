--TEST--
DeterminismGuard::run(): calls from another namespace, through call_user_func(), callbacks and Fibers are caught
--FILE--
<?php
namespace Some\Workflow;

require __DIR__ . '/../fixtures/guard.php';

use TrueAsync\Temporal\Core\DeterminismGuard;

function readClock(): int
{
    return time();
}

refusedInside('unqualified in a namespace', fn() => time());
refusedInside('call_user_func', fn() => \call_user_func('time'));
refusedInside('call_user_func_array', fn() => call_user_func_array('mt_rand', [1, 2]));
refusedInside('callback', fn() => array_map('random_int', [1], [2]));
refusedInside('first-class callable', fn() => (time(...))());
refusedInside('nested function', fn() => readClock());
refusedInside('inside a Fiber', function () {
    $fiber = new \Fiber(fn() => microtime());
    return $fiber->start();
});

echo "the Fiber resumed under the guard is guarded; the same Fiber resumed outside is not:\n";
$fiber = new \Fiber(function () {
    while (true) {
        try {
            \Fiber::suspend(time());
        } catch (\Throwable $e) {
            \Fiber::suspend(get_class($e));
        }
    }
});
var_dump(is_int($fiber->start()));
echo DeterminismGuard::run(fn() => $fiber->resume()), "\n";
var_dump(is_int($fiber->resume()));
?>
--EXPECTF--
time() is not deterministic in workflow code (called at %sindirect.php:13); use Workflow::now()
unqualified in a namespace outside: ok
time() is not deterministic in workflow code (called at %sindirect.php:14); use Workflow::now()
call_user_func outside: ok
mt_rand() is not deterministic in workflow code (called at %sindirect.php:15); use Workflow::random()
call_user_func_array outside: ok
random_int() is not deterministic in workflow code (called at %sindirect.php:16); use Workflow::random()
callback outside: ok
time() is not deterministic in workflow code (called at %sindirect.php:17); use Workflow::now()
first-class callable outside: ok
time() is not deterministic in workflow code (called at %sindirect.php:10); use Workflow::now()
nested function outside: ok
microtime() is not deterministic in workflow code (called at %sindirect.php:20); use Workflow::now()
inside a Fiber outside: ok
the Fiber resumed under the guard is guarded; the same Fiber resumed outside is not:
bool(true)
TrueAsync\Temporal\Core\NonDeterministicCallException
bool(true)
