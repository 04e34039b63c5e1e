--TEST--
new Worker() turns every rejected option into a ValueError with the bridge's message
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\Worker;

$connection = connectToServer();

function options(array $overrides): string
{
    return json_encode($overrides + ['namespace' => 'default', 'task_queue' => 'ext-worker-options']);
}

foreach ([
    'empty options' => '',
    'malformed JSON' => '{"namespace":',
    'not an object' => '[]',
    'missing task queue' => '{"namespace":"default"}',
    'unknown option' => options(['colour' => 'blue']),
    'wrong option type' => options(['workflows' => 'yes']),
    'empty namespace' => options(['namespace' => '']),
    'blank namespace' => options(['namespace' => '  ']),
    'empty task queue' => options(['task_queue' => '']),
    'neither workflows nor activities' => options(['workflows' => false, 'activities' => false]),
    'zero activity slots' => options(['max_concurrent_activities' => 0]),
    'negative workflow task slots' => options(['max_concurrent_workflow_tasks' => -1]),
    'absurd local activity slots' => options(['max_concurrent_local_activities' => 1000000000]),
    'absurd cache' => options(['max_cached_workflows' => 1000000000]),
    'zero workflow pollers' => options(['workflow_task_pollers' => 0]),
    'absurd activity pollers' => options(['activity_task_pollers' => 5000]),
    'one workflow poller with a cache' => options(['workflow_task_pollers' => 1]),
    'negative shutdown period' => options(['graceful_shutdown_period_ms' => -1]),
    'absurd heartbeat throttle' => options(['max_heartbeat_throttle_interval_ms' => 86400001]),
    'zero activities per second' => options(['max_activities_per_second' => 0]),
    'negative task queue rate' => options(['max_task_queue_activities_per_second' => -1.5]),
] as $case => $json) {
    attempt($case, fn() => new Worker($connection, $json));
}

echo "the same task queue twice on one connection:\n";
$first = new Worker($connection, options(['task_queue' => 'ext-worker-twice-' . getmypid()]));
attempt('second', fn() => new Worker($connection, options(['task_queue' => 'ext-worker-twice-' . getmypid()])));

echo "misuse:\n";
attempt('constructed twice', fn() => $first->__construct($connection, workerOptions()));
attempt('no arguments', fn() => new Worker());
attempt('not a connection', fn() => new Worker(new stdClass(), workerOptions()));
attempt('serialized', fn() => serialize($first));
attempt('cloned', fn() => clone $first);
shutDown($first, $first->startPollWorkflowActivation(), $first->startPollActivityTask());
?>
--EXPECTF--
empty options: ValueError: invalid worker options: EOF while parsing a value at line 1 column 0
malformed JSON: ValueError: invalid worker options: EOF while parsing a value at line 1 column 13
not an object: ValueError: invalid worker options: invalid length 0, expected struct WorkerOptions with 22 elements at line 1 column 2
missing task queue: ValueError: invalid worker options: missing field `task_queue` at line 1 column 23
unknown option: ValueError: invalid worker options: unknown field `colour`, expected one of `namespace`, `task_queue`, `identity`, `build_id`, `workflows`, `activities`, `max_concurrent_workflow_tasks`, `max_concurrent_activities`, `max_concurrent_local_activities`, `max_cached_workflows`, `workflow_task_pollers`, `activity_task_pollers`, `graceful_shutdown_period_ms`, `default_heartbeat_throttle_interval_ms`, `max_heartbeat_throttle_interval_ms`, `max_activities_per_second`, `max_task_queue_activities_per_second`, `workflow_task_poller_autoscaling`, `activity_task_poller_autoscaling`, `sticky_queue_schedule_to_start_timeout_ms`, `tuner`, `deployment` at line 1 column 9
wrong option type: ValueError: invalid worker options: invalid type: string "yes", expected a boolean at line 1 column 18
empty namespace: ValueError: invalid worker options: namespace must not be empty
blank namespace: ValueError: invalid worker options: namespace must not be empty
empty task queue: ValueError: invalid worker options: task_queue must not be empty
neither workflows nor activities: ValueError: invalid worker options: at least one of workflows and activities must be true
zero activity slots: ValueError: invalid worker options: max_concurrent_activities must be between 1 and 100000, got 0
negative workflow task slots: ValueError: invalid worker options: max_concurrent_workflow_tasks must be between 1 and 100000, got -1
absurd local activity slots: ValueError: invalid worker options: max_concurrent_local_activities must be between 1 and 100000, got 1000000000
absurd cache: ValueError: invalid worker options: max_cached_workflows must be between 0 and 1000000, got 1000000000
zero workflow pollers: ValueError: invalid worker options: workflow_task_pollers must be between 1 and 1000, got 0
absurd activity pollers: ValueError: invalid worker options: activity_task_pollers must be between 1 and 1000, got 5000
one workflow poller with a cache: ValueError: invalid worker options: `max_cached_workflows` > 0 requires `workflow_task_poller_behavior` to be at least 2
negative shutdown period: ValueError: invalid worker options: graceful_shutdown_period_ms must be between 0 and 86400000, got -1
absurd heartbeat throttle: ValueError: invalid worker options: max_heartbeat_throttle_interval_ms must be between 0 and 86400000, got 86400001
zero activities per second: ValueError: invalid worker options: max_activities_per_second must be a positive number, got 0
negative task queue rate: ValueError: invalid worker options: max_task_queue_activities_per_second must be a positive number, got -1.5
the same task queue twice on one connection:
second: ValueError: cannot create worker: Registration of multiple workers with overlapping worker task types on the same namespace, task queue, and deployment build ID not allowed: %s
misuse:
constructed twice: Error: This Worker is already constructed
no arguments: ArgumentCountError: TrueAsync\Temporal\Core\Worker::__construct() expects exactly 2 arguments, 0 given
not a connection: TypeError: TrueAsync\Temporal\Core\Worker::__construct(): Argument #1 ($connection) must be of type TrueAsync\Temporal\Core\Connection, stdClass given
serialized: Exception: Serialization of 'TrueAsync\Temporal\Core\Worker' is not allowed
cloned: Error: Trying to clone an uncloneable object of class TrueAsync\Temporal\Core\Worker
poll after shutdown: NULL
poll after shutdown: NULL
finalize: NULL
