<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Api\Worker\V1\WorkerHeartbeat;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkersRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\ListWorkersResponse;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * Integration tests against the live server at TEMPORAL_ADDRESS, with one shared Client and the Python test
 * worker (tests/Interop/python/test_workflows.py) on a task queue of its own.
 */
abstract class ServerTestCase extends TestCase
{
    /** A result() timeout long enough for any test workflow, short enough to fail a hung test fast. */
    protected const RESULT_TIMEOUT_S = 30.0;

    private static ?Client $client = null;

    /** host:port of the server; fails the test when TEMPORAL_ADDRESS is not set. */
    protected static function address(): string
    {
        $address = getenv('TEMPORAL_ADDRESS');
        if ($address === false || $address === '') {
            self::fail(
                'TEMPORAL_ADDRESS is not set in the environment: start a dev server with '
                . 'env=$(scripts/dev-server.sh start) && eval "$env" && export TEMPORAL_ADDRESS '
                . '(eval alone sets it for the shell only; the Makefile does all of it for you)',
            );
        }
        return $address;
    }

    protected static function client(): Client
    {
        return self::$client ??= Client::connect(ConnectionOptions::new(self::address()));
    }

    /** The task queue the Python test worker polls; starts the worker on first use. */
    protected static function taskQueue(): string
    {
        return PythonTestWorker::shared(self::address())->getTaskQueue();
    }

    /** The task queue of the Python worker whose failure converter encodes common attributes. */
    protected static function encodedTaskQueue(): string
    {
        return self::taskQueue() . '-encoded';
    }

    /**
     * Starts $workflowType of the Python test worker with a fresh workflow id.
     *
     * @param ?WorkflowOptions $options more options; its task queue and workflow id win when set
     */
    protected static function startWorkflow(
        string $workflowType,
        array $args = [],
        ?WorkflowOptions $options = null,
    ): WorkflowHandle {
        $options ??= WorkflowOptions::new();
        $options = $options
            ->withTaskQueue($options->getTaskQueue() ?? self::taskQueue())
            ->withWorkflowId($options->getWorkflowId() ?? self::uniqueId($workflowType));
        return self::client()->start($workflowType, $args, $options);
    }

    protected static function uniqueId(string $prefix): string
    {
        return $prefix . '-' . bin2hex(random_bytes(8));
    }

    /** Calls $probe until it returns $expected or $seconds pass; returns its last value for the caller to assert. */
    protected static function eventually(\Closure $probe, mixed $expected, float $seconds = 60.0): mixed
    {
        return self::eventuallyAccepted($probe, fn (mixed $value): bool => $value === $expected, $seconds);
    }

    /**
     * Calls $probe until $accept takes its value or $seconds pass, and returns its last value. A probe may
     * throw while the server catches up (a query before the first workflow task is done): that counts as not
     * yet, until the deadline, when the exception propagates.
     */
    protected static function eventuallyAccepted(\Closure $probe, \Closure $accept, float $seconds = 60.0): mixed
    {
        $deadline = microtime(true) + $seconds;
        while (true) {
            try {
                $value = $probe();
            } catch (\Throwable $e) {
                if (microtime(true) >= $deadline) {
                    throw $e;
                }
                usleep(100_000);
                continue;
            }
            if ($accept($value) || microtime(true) >= $deadline) {
                return $value;
            }
            usleep(100_000);
        }
    }

    /**
     * Runs $command with TEMPORAL_ADDRESS set; its stderr is kept apart so a warning never corrupts output.
     *
     * @param list<string> $command
     * @param array<string, string> $env more environment variables
     * @return array{int, string, string} exit code, stdout, stderr
     */
    protected static function runProcess(array $command, array $env = []): array
    {
        $env = array_merge(getenv(), ['TEMPORAL_ADDRESS' => self::address()], $env);
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes, null, $env);
        self::assertIsResource($process);
        $stdout = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        return [proc_close($process), (string) $stdout, (string) $stderr];
    }

    /** A file name that does not exist yet, for a test's process to create when something has happened. */
    protected static function markerFile(): string
    {
        return sys_get_temp_dir() . '/php-temporal-marker-' . bin2hex(random_bytes(8));
    }

    /** Waits until $file exists (an activity has started, say); fails the test if it does not within $seconds. */
    protected static function awaitFile(string $file, float $seconds = 60.0): void
    {
        self::assertTrue(self::eventually(fn (): bool => is_file($file), true, $seconds), "$file never appeared");
        unlink($file);
    }

    /**
     * The latest heartbeat the server's ListWorkers holds from a worker of $queue (a worker whose runtime
     * heartbeats; RuntimeOptions::withWorkerHeartbeatInterval()) once $accept takes one; after $seconds, the
     * latest held (check it again) or null when there is none.
     */
    protected static function awaitWorkerHeartbeat(
        string $queue,
        ?\Closure $accept = null,
        float $seconds = 60.0,
    ): ?WorkerHeartbeat
    {
        return self::eventuallyAccepted(function () use ($queue): ?WorkerHeartbeat {
            $request = new ListWorkersRequest(['namespace' => 'default', 'query' => "TaskQueue = '$queue'"]);
            $latest = null;
            foreach (self::client()->rawCall('WorkflowService', 'ListWorkers', $request, ListWorkersResponse::class)
                ->getWorkersInfo() as $info) {
                $heartbeat = $info->getWorkerHeartbeat();
                if ($heartbeat?->getTaskQueue() === $queue && ($latest === null
                    || $heartbeat->getHeartbeatTime()?->getSeconds() > $latest->getHeartbeatTime()?->getSeconds())) {
                    $latest = $heartbeat;
                }
            }
            return $latest;
        }, fn (?WorkerHeartbeat $heartbeat): bool => $heartbeat !== null && ($accept === null || $accept($heartbeat)),
            $seconds);
    }

    /** The failure of the run's first failed workflow task, once history has one (null when none came in time). */
    protected static function awaitTaskFailure(WorkflowHandle $handle): ?Failure
    {
        return self::eventuallyAccepted(function () use ($handle): ?Failure {
            foreach ($handle->fetchHistory()->getEvents() as $event) {
                if ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_FAILED) {
                    return $event->getWorkflowTaskFailedEventAttributes()->getFailure();
                }
            }
            return null;
        }, fn (?Failure $failure): bool => $failure !== null);
    }
}
