--TEST--
DeterminismGuard::run(): randomness is refused with the call's file:line and a hint; it works outside
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

refusedInside('rand', fn() => rand());
refusedInside('rand range', fn() => rand(1, 6));
refusedInside('mt_rand', fn() => mt_rand(1, 6));
refusedInside('random_int', fn() => random_int(1, 6));
refusedInside('random_bytes', fn() => random_bytes(16));
refusedInside('lcg_value', fn() => lcg_value());
refusedInside('uniqid', fn() => uniqid());
refusedInside('shuffle', function () { $a = [1, 2, 3]; return shuffle($a); });
refusedInside('str_shuffle', fn() => str_shuffle('abc'));
refusedInside('array_rand', fn() => array_rand([1, 2, 3]));

echo "a seeded Randomizer is deterministic and allowed:\n";
allowedInside('Randomizer', fn() => (new Random\Randomizer(new Random\Engine\Mt19937(42)))->getInt(1, 1000000)
    === (new Random\Randomizer(new Random\Engine\Mt19937(42)))->getInt(1, 1000000));
?>
--EXPECTF--
rand() is not deterministic in workflow code (called at %srandom.php:4); use Workflow::random()
rand outside: ok
rand() is not deterministic in workflow code (called at %srandom.php:5); use Workflow::random()
rand range outside: ok
mt_rand() is not deterministic in workflow code (called at %srandom.php:6); use Workflow::random()
mt_rand outside: ok
random_int() is not deterministic in workflow code (called at %srandom.php:7); use Workflow::random()
random_int outside: ok
random_bytes() is not deterministic in workflow code (called at %srandom.php:8); use Workflow::random()
random_bytes outside: ok
lcg_value() is not deterministic in workflow code (called at %srandom.php:9); use Workflow::random()
lcg_value outside: ok
uniqid() is not deterministic in workflow code (called at %srandom.php:10); use Workflow::uuid4()
uniqid outside: ok
shuffle() is not deterministic in workflow code (called at %srandom.php:11); use Workflow::random()
shuffle outside: ok
str_shuffle() is not deterministic in workflow code (called at %srandom.php:12); use Workflow::random()
str_shuffle outside: ok
array_rand() is not deterministic in workflow code (called at %srandom.php:13); use Workflow::random()
array_rand outside: ok
a seeded Randomizer is deterministic and allowed:
Randomizer: true
