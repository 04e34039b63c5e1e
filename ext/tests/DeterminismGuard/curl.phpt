--TEST--
DeterminismGuard::run(): curl_exec() and curl_multi_exec() are refused when ext/curl is loaded
--EXTENSIONS--
curl
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

$handle = curl_init('http://127.0.0.1:1/');
curl_setopt($handle, CURLOPT_CONNECTTIMEOUT_MS, 100);
refusedInside('curl_exec', fn() => curl_exec($handle));
$multi = curl_multi_init();
refusedInside('curl_multi_exec', fn() => curl_multi_exec($multi, $running));
?>
--EXPECTF--
curl_exec() is not deterministic in workflow code (called at %scurl.php:6); run it in an activity
curl_exec outside: ok
curl_multi_exec() is not deterministic in workflow code (called at %scurl.php:8); run it in an activity
curl_multi_exec outside: ok
