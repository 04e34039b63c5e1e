<?php

// The client side of the TLS scenario, through the TLS proxy. Two modes:
//   client.php --mode run --task-queue Q --id-prefix P --count N [connection flags]
//       starts N TlsRoundTrip workflows, signals each, waits for every result and reads every history;
//       prints one JSON line: {"results": {id: result}, "failures": {id: message}, "task_timeouts": n,
//       "task_failures": n, "retried": n}
//   client.php --mode probe [connection flags]
//       connects and makes one call; prints one JSON line: {"ok": bool, "seconds": s, "error": {"class",
//       "message", "typed", "chain": [[class, message]...]}} — what a user would see when the connection fails.
// Connection flags: see connection.php.

declare(strict_types=1);

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Core\TemporalException;

require __DIR__ . '/connection.php';

const RESULT_TIMEOUT_S = 240;

/** @return array{class: string, message: string, typed: bool, chain: list<array{string, string}>} */
function describeError(\Throwable $e): array
{
    $chain = [];
    for ($cause = $e; $cause !== null; $cause = $cause->getPrevious()) {
        $chain[] = [$cause::class, $cause->getMessage()];
    }
    return ['class' => $e::class, 'message' => $e->getMessage(), 'typed' => $e instanceof TemporalException,
        'chain' => $chain];
}

function probe(array $opts): array
{
    $started = hrtime(true);
    try {
        Client::connect(tlsConnectionOptions($opts))->countWorkflows();
        return ['ok' => true, 'seconds' => (hrtime(true) - $started) / 1e9];
    } catch (\Throwable $e) {
        return ['ok' => false, 'seconds' => (hrtime(true) - $started) / 1e9, 'error' => describeError($e)];
    }
}

function runWorkflows(array $opts): array
{
    $client = Client::connect(tlsConnectionOptions($opts));
    $handles = [];
    for ($i = 0; $i < (int) $opts['count']; $i++) {
        $id = "{$opts['id-prefix']}-$i";
        $options = WorkflowOptions::new()->withWorkflowId($id)->withTaskQueue((string) $opts['task-queue']);
        $handles[$id] = $client->start('TlsRoundTrip', [$id], $options);
    }
    foreach ($handles as $id => $handle) {
        $handle->signal('finish', '!');
    }
    $report = ['results' => [], 'failures' => [], 'task_timeouts' => 0, 'task_failures' => 0, 'retried' => 0];
    foreach ($handles as $id => $handle) {
        try {
            $report['results'][$id] = $handle->result(timeoutSeconds: RESULT_TIMEOUT_S);
        } catch (\Throwable $e) {
            $report['failures'][$id] = $e::class . ': ' . $e->getMessage();
        }
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            match ($event->getEventType()) {
                EventType::EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT => $report['task_timeouts']++,
                EventType::EVENT_TYPE_WORKFLOW_TASK_FAILED => $report['task_failures']++,
                // The started event is written when the activity closes, with its last attempt.
                EventType::EVENT_TYPE_ACTIVITY_TASK_STARTED
                    => $report['retried'] += $event->getActivityTaskStartedEventAttributes()->getAttempt() - 1,
                default => null,
            };
        }
    }
    // Objects even when empty, so the reader always gets a map.
    return [...$report, 'results' => (object) $report['results'], 'failures' => (object) $report['failures']];
}

$opts = getopt('', [...TLS_CONNECTION_FLAGS, 'mode:', 'task-queue:', 'id-prefix:', 'count:']);
$report = match ($opts['mode'] ?? '') {
    'probe' => probe($opts),
    'run' => runWorkflows($opts),
    default => null,
};
if ($report === null) {
    fwrite(STDERR, "usage: client.php --mode run|probe [flags]\n");
    exit(2);
}
echo json_encode($report, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES), "\n";
