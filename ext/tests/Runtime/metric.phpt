--TEST--
Metric: instruments on the configured exporter, served unprefixed with their labels; bad records are ValueErrors
--FILE--
<?php
use TrueAsync\Temporal\Core\Metric;
use TrueAsync\Temporal\Core\Runtime;

function attempt(callable $call): void
{
    try {
        $call();
        echo "ok\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$started = json_decode(Runtime::configure('{"prometheus": {"bind_address": "127.0.0.1:0"}}'), true);
$counter = new Metric(Metric::COUNTER, 'ext_orders', 'orders placed');
$counter->record(2, '{"shop": "eu", "paid": true}');
$counter->record(3, '{"shop": "eu", "paid": true}');
(new Metric(Metric::HISTOGRAM, 'ext_order_value'))->record(19.5);
(new Metric(Metric::GAUGE, 'ext_queue_length'))->record(7, '{"shard": 3}');

$scraped = file_get_contents('http://' . $started['prometheus_address'] . '/metrics');
foreach (['ext_orders', 'ext_order_value_count', 'ext_order_value_sum', 'ext_queue_length'] as $name) {
    preg_match("/^$name\\{([^}]*)\\} (\\S+)$/m", $scraped, $line);
    echo $name, ' ', $line[2] ?? 'missing', ' ', str_contains($line[1] ?? '', 'service_name="temporal-core-sdk"') ? 'with service_name' : '', "\n";
}
var_dump(str_contains($scraped, 'paid="true"') && str_contains($scraped, 'shop="eu"') && str_contains($scraped, 'shard="3"'));

attempt(fn () => new Metric(7, 'x'));
attempt(fn () => new Metric(-1, 'x'));
attempt(fn () => new Metric(Metric::COUNTER, "\xff"));
attempt(fn () => $counter->record(-1));
attempt(fn () => $counter->record(1.5));
attempt(fn () => (new Metric(Metric::GAUGE, 'ext_g'))->record(NAN));
attempt(fn () => $counter->record(1, '{"nested": {"a": 1}}'));
attempt(fn () => $counter->record(1, 'not json'));
?>
--EXPECTF--
ext_orders 5 with service_name
ext_order_value_count 1 with service_name
ext_order_value_sum 19.5 with service_name
ext_queue_length 7 with service_name
bool(true)
ValueError: unknown metric kind 7
ValueError: TrueAsync\Temporal\Core\Metric::__construct(): Argument #1 ($kind) must be Metric::COUNTER, Metric::HISTOGRAM or Metric::GAUGE
ValueError: the metric's name is not UTF-8
ValueError: a counter adds whole numbers of 0 or more, not -1
ValueError: a counter adds whole numbers of 0 or more, not 1.5
ValueError: a metric value must be finite, not NaN
ValueError: invalid metric attributes: %s
ValueError: invalid metric attributes: %s
