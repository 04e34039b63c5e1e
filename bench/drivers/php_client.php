<?php

// The PHP side of the client scenario. Prints one JSON object on stdout:
//   {"latencies_ms": [...], "starts": M, "starts_seconds": S}
//
//   php -d extension=build/ext/modules/temporal.so bench/drivers/php_client.php --address HOST:PORT \
//       --task-queue Q --idle-task-queue Q2 --id-prefix P [--warmup 20] [--latency 200] [--starts 1000]
//
// Latency: sequential start→result of BenchEcho on --task-queue (served by the Python workflow worker).
// Starts/s: sequential start-only of BenchEcho on --idle-task-queue (no worker polls it).

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;

require __DIR__ . '/../../vendor/autoload.php';

$o = getopt('', ['address:', 'task-queue:', 'idle-task-queue:', 'id-prefix:', 'warmup:', 'latency:', 'starts:']);
foreach (['address', 'task-queue', 'idle-task-queue', 'id-prefix'] as $required) {
    if (!isset($o[$required])) {
        fwrite(STDERR, "php_client.php: --$required is required\n");
        exit(2);
    }
}
$warmup = (int) ($o['warmup'] ?? 20);
$latencyN = (int) ($o['latency'] ?? 200);
$startsN = (int) ($o['starts'] ?? 1000);
$prefix = (string) $o['id-prefix'];

$client = Client::connect(ConnectionOptions::new((string) $o['address']));
$options = WorkflowOptions::new()->withTaskQueue((string) $o['task-queue']);

$roundTrip = function (string $id) use ($client, $options): void {
    $result = $client->start('BenchEcho', [$id], $options->withWorkflowId($id))->result(timeoutSeconds: 30);
    if ($result !== $id) {
        throw new RuntimeException("BenchEcho $id returned " . var_export($result, true));
    }
};

for ($i = 0; $i < $warmup; $i++) {
    $roundTrip("$prefix-warm-$i");
}
$latencies = [];
for ($i = 0; $i < $latencyN; $i++) {
    $t = hrtime(true);
    $roundTrip("$prefix-lat-$i");
    $latencies[] = (hrtime(true) - $t) / 1e6;
}

$idle = WorkflowOptions::new()->withTaskQueue((string) $o['idle-task-queue']);
$t = hrtime(true);
for ($i = 0; $i < $startsN; $i++) {
    $client->start('BenchEcho', ["$prefix-start-$i"], $idle->withWorkflowId("$prefix-start-$i"));
}
$startsSeconds = (hrtime(true) - $t) / 1e9;

echo json_encode(['latencies_ms' => $latencies, 'starts' => $startsN, 'starts_seconds' => $startsSeconds]), "\n";
