--TEST--
Runtime::trimMemory(): returns whether the C allocator gave memory back; takes no arguments
--FILE--
<?php
use TrueAsync\Temporal\Core\Runtime;

var_dump(is_bool(Runtime::trimMemory()));
try {
    Runtime::trimMemory(0);
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
ArgumentCountError: TrueAsync\Temporal\Core\Runtime::trimMemory() expects exactly 0 arguments, 1 given
