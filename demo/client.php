<?php

// The demo's PHP side: starts OrderWorkflow (hosted by demo/worker.php), queries its status until it
// waits for approval, approves it by signal and prints the result.
//
//   php -d extension=build/ext/modules/temporal.so demo/client.php [TASK_QUEUE]
//
// Connection from the environment as every Temporal SDK reads it (ConnectionOptions::fromEnvironment(): a
// temporal.toml profile if there is one, then TEMPORAL_ADDRESS, default here 127.0.0.1:7233;
// TEMPORAL_NAMESPACE, default "default"; TEMPORAL_API_KEY...),
// task queue from argv, else TEMPORAL_TASK_QUEUE, else "php-temporal-demo"; prints the Web UI link when
// TEMPORAL_UI is set. Exits 1 on any failure.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;

const STATUS_WAIT_S = 20.0;
const RESULT_TIMEOUT_S = 60.0;

if (!extension_loaded('temporal')) {
    fwrite(STDERR, "The temporal extension is not loaded: run\n"
        . "  php -d extension=build/ext/modules/temporal.so demo/client.php\n");
    exit(1);
}
require __DIR__ . '/../vendor/autoload.php';

function sampleOrder(): array
{
    return [
        'id' => 'order-' . bin2hex(random_bytes(4)),
        'items' => [
            ['sku' => 'BOOK-TEMPORAL', 'qty' => 1, 'price' => 39.90],
            ['sku' => 'MUG-PHP', 'qty' => 2, 'price' => 12.50],
        ],
    ];
}

/** Queries `status` until the workflow waits for approval, printing each new status. */
function waitForApprovalStep(WorkflowHandle $handle): void
{
    $deadline = microtime(true) + STATUS_WAIT_S;
    $last = null;
    do {
        $status = $handle->query('status');
        if ($status !== $last) {
            printf("  status: %s\n", $status);
            $last = $status;
        }
        if ($status === 'awaiting_approval') {
            return;
        }
        usleep(200_000);
    } while (microtime(true) < $deadline);
    throw new RuntimeException(sprintf('the workflow did not reach awaiting_approval within %.0f s', STATUS_WAIT_S));
}

function printResult(array $result): void
{
    echo "Result:\n";
    foreach ($result as $key => $value) {
        printf("  %-15s %s\n", $key, is_string($value) ? $value : json_encode($value));
    }
}

function run(array $argv): void
{
    $taskQueue = $argv[1] ?? (getenv('TEMPORAL_TASK_QUEUE') ?: 'php-temporal-demo');
    $connection = ConnectionOptions::fromEnvironment(
        ['TEMPORAL_ADDRESS' => getenv('TEMPORAL_ADDRESS') ?: '127.0.0.1:7233'] + getenv(),
    );
    $namespace = $connection->getNamespace();

    $client = Client::connect($connection);
    printf("Connected to %s (namespace %s)\n", $connection->getAddress(), $namespace);

    $order = sampleOrder();
    $options = WorkflowOptions::new()
        ->withWorkflowId($order['id'])
        ->withTaskQueue($taskQueue)
        ->withWorkflowExecutionTimeout(120)
        ->withStaticSummary(sprintf('Order %s from the PHP demo client', $order['id']));
    $handle = $client->start('OrderWorkflow', [$order], $options);
    printf("Started OrderWorkflow on task queue %s\n", $taskQueue);
    printf("  workflow id %s, run id %s\n", $handle->getId(), $handle->getRunId());

    waitForApprovalStep($handle);
    $handle->signal('approve', 'php-demo');
    echo "Signalled approve(\"php-demo\")\n";

    printResult($handle->result(timeoutSeconds: RESULT_TIMEOUT_S));
    $ui = getenv('TEMPORAL_UI');
    if ($ui) {
        $ui = rtrim($ui, '/') . '/namespaces/' . rawurlencode($namespace);
        printf("Web UI: %s/workflows/%s/%s/history\n", $ui, rawurlencode($handle->getId()), $handle->getRunId());
    }
}

try {
    run($argv);
} catch (Throwable $e) {
    fprintf(STDERR, "demo failed: %s: %s\n", $e::class, $e->getMessage());
    for ($cause = $e->getPrevious(); $cause !== null; $cause = $cause->getPrevious()) {
        fprintf(STDERR, "  caused by %s: %s\n", $cause::class, $cause->getMessage());
    }
    exit(1);
}
