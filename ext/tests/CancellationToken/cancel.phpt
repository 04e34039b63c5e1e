--TEST--
CancellationToken::cancel() is final and idempotent; isCancelled() reports it
--FILE--
<?php
use TrueAsync\Temporal\Core\CancellationToken;

$token = new CancellationToken();
var_dump($token->isCancelled());
$token->cancel();
var_dump($token->isCancelled());
$token->cancel();
var_dump($token->isCancelled());

$other = new CancellationToken();
var_dump($other->isCancelled());
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(false)
