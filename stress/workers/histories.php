<?php

// Reads the history of every workflow the scenario ran and prints what the checks need, one JSON line each:
//   {id, run_id, close (the closing event's type, or null while running), result, events,
//    wft_started: [[event id, epoch seconds] of each WorkflowTaskStarted], wft_failed,
//    wft_timeouts: [{event_id, scheduled, started, type, started_by (the identity of the worker that polled it),
//                    started_at, at (when it timed out; epoch seconds)}],
//    activity_attempts: [attempt of each ActivityTaskStarted]}
//
//   php -d extension=... stress/workers/histories.php --address HOST:PORT --ids FILE (one workflow id a line)

declare(strict_types=1);

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\Enums\V1\TimeoutType;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;

require __DIR__ . '/../../vendor/autoload.php';

const CLOSE_EVENTS = [
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
    EventType::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
];

/** Epoch seconds. */
function eventTime(HistoryEvent $event): float
{
    return (float) $event->getEventTime()?->getSeconds() + $event->getEventTime()?->getNanos() / 1e9;
}

/** @param iterable<HistoryEvent> $events */
function summarize(string $id, iterable $events, DataConverter $converter): array
{
    $out = ['id' => $id, 'run_id' => null, 'close' => null, 'result' => null, 'events' => 0, 'wft_started' => [],
        'wft_failed' => 0, 'wft_timeouts' => [], 'activity_attempts' => []];
    $started = [];  // WorkflowTaskStarted event id => [the polling worker's identity, when]
    foreach ($events as $event) {
        $out['events']++;
        $type = $event->getEventType();
        if ($type === EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
            $out['run_id'] = $event->getWorkflowExecutionStartedEventAttributes()->getOriginalExecutionRunId();
        } elseif ($type === EventType::EVENT_TYPE_WORKFLOW_TASK_STARTED) {
            $time = eventTime($event);
            $out['wft_started'][] = [$event->getEventId(), $time];
            $started[$event->getEventId()] = [$event->getWorkflowTaskStartedEventAttributes()->getIdentity(), $time];
        } elseif ($type === EventType::EVENT_TYPE_WORKFLOW_TASK_FAILED) {
            $out['wft_failed']++;
        } elseif ($type === EventType::EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) {
            $a = $event->getWorkflowTaskTimedOutEventAttributes();
            $out['wft_timeouts'][] = ['event_id' => $event->getEventId(), 'scheduled' => $a->getScheduledEventId(),
                'started' => $a->getStartedEventId(),
                'type' => substr(TimeoutType::name($a->getTimeoutType()), \strlen('TIMEOUT_TYPE_')),
                'started_by' => $started[$a->getStartedEventId()][0] ?? null,
                'started_at' => $started[$a->getStartedEventId()][1] ?? null, 'at' => eventTime($event)];
        } elseif ($type === EventType::EVENT_TYPE_ACTIVITY_TASK_STARTED) {
            $out['activity_attempts'][] = $event->getActivityTaskStartedEventAttributes()->getAttempt();
        } elseif (\in_array($type, CLOSE_EVENTS, true)) {
            $out['close'] = substr(EventType::name($type), \strlen('EVENT_TYPE_'));
            if ($type === EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED) {
                $payloads = $event->getWorkflowExecutionCompletedEventAttributes()->getResult();
                $out['result'] = $converter->fromPayloads($payloads, [null])[0] ?? null;
            }
        }
    }
    return $out;
}

$opts = getopt('', ['address:', 'ids:']);
if (!isset($opts['address'], $opts['ids'])) {
    fwrite(STDERR, "usage: histories.php --address HOST:PORT --ids FILE\n");
    exit(2);
}
$client = Client::connect(ConnectionOptions::new((string) $opts['address']));
foreach (file((string) $opts['ids'], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $id) {
    $history = $client->getHandle($id)->fetchHistory();
    echo json_encode(summarize($id, $history->getEvents(), $client->getDataConverter()), JSON_THROW_ON_ERROR), "\n";
}
