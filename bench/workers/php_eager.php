<?php

// The eager scenario's PHP process, worker and client at once as eager start needs: a worker on TASK_QUEUE
// hosting BenchEagerEcho (returns its argument), BenchEagerRounds (runs the activity below once and returns
// what it returns: the driver's entry point) and the activity "bench.eagerRounds", which starts
// BenchEagerEcho N times one after another through this process's own client — the worker on the same
// connection — and times each start→result. Prints "worker ready", then serves until SIGTERM.
//
//   php -d extension=build/ext/modules/temporal.so bench/workers/php_eager.php --address HOST:PORT --task-queue Q

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

require __DIR__ . '/../../vendor/autoload.php';

#[WorkflowInterface]
final class BenchEagerEcho
{
    #[WorkflowMethod(name: 'BenchEagerEcho')]
    public function run(string $value): string
    {
        return $value;
    }
}

#[WorkflowInterface]
final class BenchEagerRounds
{
    /** @return list<float> start→result ms of each round */
    #[WorkflowMethod(name: 'BenchEagerRounds')]
    public function run(string $prefix, int $n, bool $eager): array
    {
        return Workflow::executeActivity('bench.eagerRounds', [$prefix, $n, $eager],
            ActivityOptions::new()->withStartToCloseTimeout(300)->withHeartbeatTimeout(60));
    }
}

$o = getopt('', ['address:', 'task-queue:']);
if (!isset($o['address'], $o['task-queue'])) {
    fwrite(STDERR, "usage: php_eager.php --address HOST:PORT --task-queue Q\n");
    exit(2);
}
$queue = (string) $o['task-queue'];
$client = Client::connect(ConnectionOptions::new((string) $o['address']));
$factory = WorkerFactory::create($client);
$factory->newWorker($queue)
    ->registerWorkflowTypes(BenchEagerEcho::class, BenchEagerRounds::class)
    // Starts $n workflows one after another (ids $prefix-0…), eagerly or not: their start→result ms.
    ->registerActivityCallable('bench.eagerRounds', static function (string $prefix, int $n, bool $eager) use ($client, $queue): array {
        $options = WorkflowOptions::new()->withTaskQueue($queue)->withEagerStart($eager);
        $latencies = [];
        for ($i = 0; $i < $n; $i++) {
            $t = hrtime(true);
            $result = $client->start('BenchEagerEcho', ["$prefix-$i"], $options->withWorkflowId("$prefix-$i"))
                ->result(timeoutSeconds: 30);
            $latencies[] = (hrtime(true) - $t) / 1e6;
            if ($result !== "$prefix-$i") {
                throw new RuntimeException("BenchEagerEcho $prefix-$i returned " . var_export($result, true));
            }
            Activity::heartbeat();
        }
        return $latencies;
    });
echo "worker ready\n";
$factory->run();
