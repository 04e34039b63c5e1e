<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * What every activity executor must do: a PHP worker process (tests/.../activity-worker.php) runs the test
 * activities with the executor a subclass names, workflows of the Python SDK call them, and the tests assert
 * what Python saw. The last test shuts the worker down gracefully with an activity in flight.
 */
abstract class ActivityExecutorContractTestCase extends ServerTestCase
{
    protected static ChildProcess $pythonWorker;
    protected static ChildProcess $phpWorker;
    protected static string $queue;

    /** The executor the worker fixture uses: "fibers" or "pool". */
    abstract protected static function executor(): string;

    public static function setUpBeforeClass(): void
    {
        self::$queue = 'php-activities-' . bin2hex(random_bytes(4));
        self::$pythonWorker = ChildProcess::pythonActivityCallers(self::$queue . '-wf');
        self::$phpWorker = self::startPhpWorker(self::$queue);
        self::$phpWorker->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::$pythonWorker->stop();
        self::$phpWorker->stop();
    }

    /** A worker process serving $queue and $queue-b with the executor under test. */
    protected static function startPhpWorker(string $queue): ChildProcess
    {
        return ChildProcess::start([PHP_BINARY, '-d', 'extension=' . self::extensionPath(),
            __DIR__ . '/Fixtures/activity-worker.php', static::executor(), $queue, $queue . '-b'],
            'php-activity-worker-' . static::executor() . '-' . $queue);
    }

    public function testPythonWorkflowGetsThePhpActivityResult(): void
    {
        self::assertSame(['result' => 'Hello, Ada!'], $this->runActivity(['name' => 'php.greet', 'args' => ['Ada']]));
    }

    public function testArgumentsAreDecodedPerDeclaredParameterType(): void
    {
        $outcome = $this->runActivity(['name' => 'php.describeArguments', 'args' => [3, [1, 2, 3], null, 'blue']]);
        self::assertSame(['result' => ['int', 6, null, 'Blue']], $outcome);
    }

    public function testCallableAndDynamicActivities(): void
    {
        self::assertSame(['result' => 5], $this->runActivity(['name' => 'php.add', 'args' => [2, 3]]));
        self::assertSame(['result' => 'dynamic other.thing([1,"x"])'],
            $this->runActivity(['name' => 'other.thing', 'args' => [1, 'x']]));
    }

    public function testApplicationFailureReachesPythonWithTypeMessageAndDetails(): void
    {
        $outcome = $this->runActivity(['name' => 'php.failNonRetryable', 'args' => ['no stock'], 'max_attempts' => 5]);
        $error = $outcome['error'];
        ksort($error);
        self::assertSame(['details' => ['d1', 7], 'kind' => 'application', 'message' => 'no stock',
            'non_retryable' => true, 'type' => 'MyActivityError'], $error);
    }

    public function testUncaughtExceptionBecomesAnApplicationFailureNamedForItsClass(): void
    {
        $error = $this->runActivity(['name' => 'php.uncaught'])['error'];
        self::assertSame(['application', 'DomainException', 'plain PHP exception', false],
            [$error['kind'], $error['type'], $error['message'], $error['non_retryable']]);
    }

    public function testAFailureWhoseDetailsCannotBeEncodedStillFailsTheActivityAndSaysWhy(): void
    {
        $error = $this->runActivity(['name' => 'php.failWithUnencodableDetails', 'max_attempts' => 1])['error'];
        self::assertSame(['application', ApplicationFailure::class], [$error['kind'], $error['type']]);
        self::assertStringContainsString('could not be encoded', $error['message']);
        self::assertStringContainsString('Closure', $error['message']);
        self::assertStringNotContainsString('secret', $error['message']);
        // The worker went on: the next activity still runs.
        self::assertSame(['result' => 'Hello, Ada!'], $this->runActivity(['name' => 'php.greet', 'args' => ['Ada']]));
    }

    public function testRetriedActivitySucceedsOnTheThirdAttempt(): void
    {
        $outcome = $this->runActivity(['name' => 'php.succeedOnThirdAttempt', 'max_attempts' => 5]);
        self::assertSame(['result' => 'succeeded on attempt 3'], $outcome);
    }

    public function testHeartbeatDetailsSurviveARetry(): void
    {
        $outcome = $this->runActivity(['name' => 'php.heartbeatDetailsSurviveRetry', 'max_attempts' => 2,
            'heartbeat_timeout' => 5]);
        self::assertSame(['result' => 'resumed from progress-42'], $outcome);
    }

    public function testCancelledActivitySeesTheCancellationAndReportsCancelled(): void
    {
        $outcome = $this->runActivity(['name' => 'php.heartbeatUntilCancelled', 'heartbeat_timeout' => 2,
            'cancel_after' => 1, 'start_to_close' => 30]);
        self::assertSame('cancelled', $outcome['error']['kind'] ?? $outcome);
    }

    public function testActivityThatStopsHeartbeatingTimesOut(): void
    {
        $outcome = $this->runActivity(['name' => 'php.stopHeartbeating', 'heartbeat_timeout' => 1]);
        self::assertSame(['kind' => 'timeout', 'timeout_type' => 'HEARTBEAT'], $outcome['error']);
    }

    public function testTwoWorkersOnTwoTaskQueuesInOneProcess(): void
    {
        $queueB = self::$queue . '-b';
        self::assertSame(['result' => $queueB], $this->runActivity(['name' => 'php.whichQueue', 'task_queue' => $queueB]));
        $unknown = $this->runActivity(['name' => 'php.greet', 'args' => ['x'], 'task_queue' => $queueB])['error'];
        self::assertSame('NotFoundError', $unknown['type']);
        self::assertStringContainsString('activity type "php.greet" is not registered', $unknown['message']);
    }

    public function testAnActivityCompletedLaterByTaskTokenThroughTheClientCompletesTheWorkflow(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'task-token-');
        unlink($file);
        $handle = $this->start(['name' => 'php.completeLater', 'args' => [$file], 'start_to_close' => 60]);
        $deadline = microtime(true) + 20;
        while (!is_file($file) && microtime(true) < $deadline) {
            usleep(50_000);
        }
        $token = base64_decode((string) file_get_contents($file), true);
        unlink($file);
        usleep(1_000_000);  // the activity method has returned: its return value must not complete it
        self::assertSame(WorkflowExecutionStatus::Running, $handle->describe()->getStatus());
        self::client()->getActivityCompletionClient()->complete($token, 'completed later');
        self::assertSame(['result' => 'completed later'], $handle->result(timeoutSeconds: 30));
    }

    /** On a worker process of its own, which it stops. */
    public function testSigtermShutsDownGracefullyAndFinishesTheActivityInFlight(): void
    {
        $queue = self::$queue . '-shutdown';
        $worker = self::startPhpWorker($queue);
        $worker->waitFor('worker ready');
        $started = self::markerFile();
        $spec = ['name' => 'php.slow', 'args' => [2.0, $started], 'heartbeat_timeout' => 5, 'task_queue' => $queue];
        $handle = $this->start($spec);
        self::awaitFile($started);
        self::assertSame(0, $worker->stop(SIGTERM), $worker->output());
        self::assertSame(['result' => 'finished'], $handle->result(timeoutSeconds: 30));
        self::assertStringContainsString('worker stopped', $worker->output());
    }

    /**
     * On a worker process of its own, which it stops: the notice comes when the graceful shutdown starts, not
     * when its 10 s end (the worker's cancellation then would end the wait with "noticed" false).
     */
    public function testTheShutdownNoticeReachesARunningActivityAtOnce(): void
    {
        $queue = self::$queue . '-notice';
        $worker = self::startPhpWorker($queue);
        $worker->waitFor('worker ready');
        $started = self::markerFile();
        $handle = $this->start(['name' => 'php.awaitShutdown', 'args' => [$started], 'task_queue' => $queue]);
        self::awaitFile($started);
        self::assertSame(0, $worker->stop(SIGTERM), $worker->output());
        $seen = $handle->result(timeoutSeconds: 30)['result'];
        ksort($seen);  // the Python workflow's JSON sorts nothing back
        self::assertSame(['cancelled' => false, 'early' => false, 'noticed' => true, 'shutting_down' => true], $seen);
    }

    protected function runActivity(array $spec): array
    {
        return $this->start($spec)->result(timeoutSeconds: 60);
    }

    protected function start(array $spec): \TrueAsync\Temporal\Client\WorkflowHandle
    {
        $spec += ['task_queue' => self::$queue];
        $options = WorkflowOptions::new()->withTaskQueue(self::$queue . '-wf')
            ->withWorkflowId('run-activity-' . bin2hex(random_bytes(6)));
        return self::client()->start('RunActivity', [$spec], $options);
    }

    private static function extensionPath(): string
    {
        return getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
    }
}
