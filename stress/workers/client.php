<?php

// The client of the stress scenarios, in a process of its own: starts workflows, signals them, waits for every
// result, and prints one JSON line {results: {workflow id: result}, failures: {id: message}, retries, errors}.
// One Client for the whole run: when the server or the network goes away its connection must come back by
// itself; a call that still fails after the SDK's own retries is repeated here (counted in `retries`, the
// first messages in `errors`) until --timeout.
//
//   php -d extension=... stress/workers/client.php --address HOST:PORT --task-queue Q --prefix P --count N
//       [--workflow StressWorkflow|StressOneActivity] [--batch N] [--steps 3] [--timer 1.0] [--signals 2]
//       [--work 0.0] [--timeout 600]
//
// StressWorkflow #i gets {id: i, steps, timer, signals, work} and the "add" signals value(i, k), k < signals,
// all sent once every workflow of the batch started; StressOneActivity #i gets i. With --batch the workflows
// go in batches, each started once the previous one has closed.

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;

require __DIR__ . '/../../vendor/autoload.php';

const MAX_ERRORS_KEPT = 20;
const RETRY_PAUSE_US = 500_000;

/** Mirrored by workload.signal_value() in Python. */
function signalValue(int $id, int $k): int
{
    return $id * 100 + $k + 1;
}

final class RetryingCalls
{
    public int $retries = 0;
    /** @var list<string> */
    public array $errors = [];

    public function __construct(private readonly float $deadline)
    {
    }

    /**
     * $call until it returns; a TemporalException that $final does not claim is retried until the deadline.
     *
     * @param \Closure(\Throwable): bool $final true: rethrow this one (an answer, not a fault)
     */
    public function run(\Closure $call, \Closure $final): mixed
    {
        for (;;) {
            try {
                return $call();
            } catch (TemporalException $e) {
                if ($final($e) || microtime(true) > $this->deadline) {
                    throw $e;
                }
                $this->retries++;
                if (\count($this->errors) < MAX_ERRORS_KEPT) {
                    $this->errors[] = $e::class . ': ' . $e->getMessage();
                }
                usleep(RETRY_PAUSE_US);
            }
        }
    }
}

$opts = getopt('', ['address:', 'task-queue:', 'prefix:', 'count:', 'workflow:', 'batch:', 'steps:', 'timer:',
    'signals:', 'work:', 'timeout:']);
if (!isset($opts['address'], $opts['task-queue'], $opts['prefix'], $opts['count'])) {
    fwrite(STDERR, "usage: client.php --address HOST:PORT --task-queue Q --prefix P --count N [--workflow T] "
        . "[--batch N] [--steps N] [--timer S] [--signals N] [--work S] [--timeout S]\n");
    exit(2);
}
$type = (string) ($opts['workflow'] ?? 'StressWorkflow');
$count = (int) $opts['count'];
$batch = (int) ($opts['batch'] ?? $count);
$signals = $type === 'StressWorkflow' ? (int) ($opts['signals'] ?? 2) : 0;
$input = static fn (int $id): array|int => $type === 'StressWorkflow'
    ? ['id' => $id, 'steps' => (int) ($opts['steps'] ?? 3), 'timer' => (float) ($opts['timer'] ?? 1.0),
        'signals' => $signals, 'work' => (float) ($opts['work'] ?? 0.0)]
    : $id;

$client = Client::connect(ConnectionOptions::new((string) $opts['address']));
$calls = new RetryingCalls(microtime(true) + (float) ($opts['timeout'] ?? 600));
$results = $failures = [];
for ($first = 0; $first < $count; $first += $batch) {
    /** @var array<int, WorkflowHandle> $handles */
    $handles = [];
    for ($id = $first; $id < min($count, $first + $batch); $id++) {
        $workflowId = "{$opts['prefix']}-$id";
        $options = WorkflowOptions::new()->withTaskQueue((string) $opts['task-queue'])->withWorkflowId($workflowId);
        try {
            $handles[$id] = $calls->run(
                static fn () => $client->start($type, [$input($id)], $options),
                static fn (\Throwable $e) => $e instanceof WorkflowAlreadyStartedException,
            );
        } catch (WorkflowAlreadyStartedException) {
            // A start the server took before a fault cut its answer: the retry found it running.
            $handles[$id] = $client->getHandle($workflowId);
        }
    }
    for ($k = 0; $k < $signals; $k++) {
        foreach ($handles as $id => $handle) {
            $calls->run(static fn () => $handle->signal('add', signalValue($id, $k)), static fn (\Throwable $e) => false);
        }
    }
    foreach ($handles as $id => $handle) {
        try {
            $results[$handle->getId()] = $calls->run(
                static fn () => $handle->result(),
                static fn (\Throwable $e) => $e instanceof WorkflowFailedException,
            );
        } catch (TemporalException $e) {
            $failures[$handle->getId()] = $e::class . ': ' . $e->getMessage();
        }
    }
}
echo json_encode(['results' => $results, 'failures' => $failures, 'retries' => $calls->retries,
    'errors' => $calls->errors], JSON_THROW_ON_ERROR), "\n";
