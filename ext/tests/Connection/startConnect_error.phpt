--TEST--
Connection::startConnect() rejects bad options at once: nothing starts, nothing is owed
--FILE--
<?php
use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;

foreach ([
    '{"target":"127.0.0.1:1","identity":"x","retry":"no"}',
    '{"target":"127.0.0.1","identity":"x"}',
    '{"target":"127.0.0.1:1","identity":"x","tls":{"client_private_key":"x"}}',
] as $json) {
    try {
        Connection::startConnect($json);
        echo "started\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump(CompletionQueue::pendingCount());
try {
    Connection::startConnect();
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
ValueError: invalid connect options: invalid type: string "no", expected struct RetryConfig at line 1 column 51
ValueError: invalid target address "127.0.0.1": expected host:port (optionally with http:// or https://)
ValueError: invalid TLS options: client_cert and client_private_key go together
int(0)
ArgumentCountError: TrueAsync\Temporal\Core\Connection::startConnect() expects at least 1 argument, 0 given
