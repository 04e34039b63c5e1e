--TEST--
The temporal extension loads and reports itself
--FILE--
<?php
var_dump(extension_loaded('temporal'));
var_dump(phpversion('temporal'));
$info = (new ReflectionExtension('temporal'))->getClassNames();
sort($info);
print_r($info);
?>
--EXPECT--
bool(true)
string(5) "0.1.0"
Array
(
    [0] => TrueAsync\Temporal\Core\CancellationToken
    [1] => TrueAsync\Temporal\Core\CancelledException
    [2] => TrueAsync\Temporal\Core\CompletionQueue
    [3] => TrueAsync\Temporal\Core\Connection
    [4] => TrueAsync\Temporal\Core\ConnectionException
    [5] => TrueAsync\Temporal\Core\DeadlockException
    [6] => TrueAsync\Temporal\Core\DeterminismGuard
    [7] => TrueAsync\Temporal\Core\EnvConfig
    [8] => TrueAsync\Temporal\Core\Metric
    [9] => TrueAsync\Temporal\Core\NonDeterministicCallException
    [10] => TrueAsync\Temporal\Core\PendingOperation
    [11] => TrueAsync\Temporal\Core\Replayer
    [12] => TrueAsync\Temporal\Core\Runtime
    [13] => TrueAsync\Temporal\Core\ServiceException
    [14] => TrueAsync\Temporal\Core\TemporalException
    [15] => TrueAsync\Temporal\Core\Worker
)
