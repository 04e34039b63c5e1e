--TEST--
CancellationToken cannot be cloned, serialized or given arguments
--FILE--
<?php
use TrueAsync\Temporal\Core\CancellationToken;

$token = new CancellationToken();
foreach ([
    fn() => clone $token,
    fn() => serialize($token),
    fn() => $token->cancel(1),
    fn() => $token->isCancelled(1),
    fn() => $token->property = 1,
] as $attempt) {
    try {
        $attempt();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
Error: Trying to clone an uncloneable object of class TrueAsync\Temporal\Core\CancellationToken
Exception: Serialization of 'TrueAsync\Temporal\Core\CancellationToken' is not allowed
ArgumentCountError: TrueAsync\Temporal\Core\CancellationToken::cancel() expects exactly 0 arguments, 1 given
ArgumentCountError: TrueAsync\Temporal\Core\CancellationToken::isCancelled() expects exactly 0 arguments, 1 given
Error: Cannot create dynamic property TrueAsync\Temporal\Core\CancellationToken::$property
