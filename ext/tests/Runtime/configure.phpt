--TEST--
Runtime::configure(): bad options and a port in use are ValueErrors that store nothing; it runs once per process
--FILE--
<?php
use TrueAsync\Temporal\Core\Runtime;

function attempt(string $json): void
{
    try {
        echo Runtime::configure($json), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

attempt('not json');
attempt('{"worker_heartbeat_interval_ms": 500}');
attempt('{"prometheus": {"bind_address": "127.0.0.1:0"}, "otlp": {"url": "http://127.0.0.1:4317", "period_ms": 1000}}');
attempt('{"otlp": {"url": "http://127.0.0.1:4317", "period_ms": 1000, "protocol": "smoke"}}');

$taken = stream_socket_server('tcp://127.0.0.1:0');
$port = parse_url('tcp://' . stream_socket_get_name($taken, false), PHP_URL_PORT);
attempt(json_encode(['prometheus' => ['bind_address' => "127.0.0.1:$port"]]));

$started = json_decode(Runtime::configure('{"prometheus": {"bind_address": "127.0.0.1:0"}, "metric_prefix": "x_"}'), true);
var_dump(preg_match('/^127\.0\.0\.1:[1-9][0-9]*$/', $started['prometheus_address']) === 1);
$port = (int) parse_url('tcp://' . $started['prometheus_address'], PHP_URL_PORT);
var_dump(is_string(file_get_contents("http://127.0.0.1:$port/metrics")));
attempt('{}');
?>
--EXPECTF--
ValueError: invalid runtime options: expected ident at line 1 column 2
ValueError: invalid runtime options: heartbeat_interval (500ms) must be between 1s and 60s
ValueError: invalid runtime options: choose Prometheus or OTLP, not both
ValueError: invalid OTLP protocol "smoke"
ValueError: cannot serve Prometheus metrics on 127.0.0.1:%d: %s
bool(true)
bool(true)
LogicException: the Temporal core runtime of this process is already running: configure it once, before any client, worker or replayer is created
