--TEST--
CompletionQueue::wait() rejects timeouts outside 0..2147483647; CompletionQueue is not constructible
--FILE--
<?php
use TrueAsync\Temporal\Core\CompletionQueue;

foreach ([
    fn() => CompletionQueue::wait(-1),
    fn() => CompletionQueue::wait(2147483648),
    fn() => CompletionQueue::wait(PHP_INT_MIN),
    fn() => CompletionQueue::wait('soon'),
    fn() => CompletionQueue::wait(),
    fn() => CompletionQueue::pendingCount(1),
    fn() => new CompletionQueue(),
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
ValueError: TrueAsync\Temporal\Core\CompletionQueue::wait(): Argument #1 ($timeoutMs) must be between 0 and 2147483647
ValueError: TrueAsync\Temporal\Core\CompletionQueue::wait(): Argument #1 ($timeoutMs) must be between 0 and 2147483647
ValueError: TrueAsync\Temporal\Core\CompletionQueue::wait(): Argument #1 ($timeoutMs) must be between 0 and 2147483647
TypeError: TrueAsync\Temporal\Core\CompletionQueue::wait(): Argument #1 ($timeoutMs) must be of type int, string given
ArgumentCountError: TrueAsync\Temporal\Core\CompletionQueue::wait() expects exactly 1 argument, 0 given
ArgumentCountError: TrueAsync\Temporal\Core\CompletionQueue::pendingCount() expects exactly 0 arguments, 1 given
Error: Call to private TrueAsync\Temporal\Core\CompletionQueue::__construct() from global scope
