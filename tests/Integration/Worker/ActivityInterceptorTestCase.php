<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Activity interceptors against the live server: a PHP worker (Fixtures/interceptor-worker.php) runs the
 * test activities through the interceptors of Fixtures/interceptor-activities.php, with the executor a
 * subclass names; workflows of the Python SDK schedule them (the Python side's workflow interceptor puts
 * the spec's "headers" in Temporal's header), and the recording interceptor's log says what each hook got.
 */
abstract class ActivityInterceptorTestCase extends ServerTestCase
{
    protected static ChildProcess $pythonWorker;
    protected static ChildProcess $phpWorker;
    protected static string $queue;
    private static string $log;

    /** "fibers" or "pool" */
    abstract protected static function executor(): string;

    public static function setUpBeforeClass(): void
    {
        self::$queue = 'php-interceptors-' . bin2hex(random_bytes(4));
        self::$log = sys_get_temp_dir() . '/' . self::$queue . '.jsonl';
        self::$pythonWorker = ChildProcess::pythonActivityCallers(self::$queue . '-wf');
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        self::$phpWorker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/interceptor-worker.php', static::executor(), self::$queue],
            'php-interceptor-worker-' . static::executor(), ['INTERCEPTOR_LOG' => self::$log]);
        self::$phpWorker->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::$pythonWorker->stop();
        self::assertSame(0, self::$phpWorker->stop(), self::$phpWorker->output());
        @unlink(self::$log);
    }

    public function testTheInboundInterceptorSeesTheHeaderTheWorkflowSent(): void
    {
        $trace = ['id' => '4bf92f3577b34da6', 'sampled' => true];
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.pair', 'args' => [7, 'x'],
            'headers' => ['tenant' => 'acme', 'trace' => $trace]]);
        self::assertSame(['result' => [7, 'x']], $outcome);
        [$execute] = self::records($handle, 'execute');
        $header = $execute['header'];
        ksort($header);  // a protobuf map: the wire keeps no order
        self::assertSame(['tenant' => 'acme', 'trace' => $trace], $header);
        self::assertSame(['icpt.pair', [7, 'x'], false], [$execute['type'], $execute['arguments'], $execute['is_local']]);
    }

    public function testEveryHookIsCalledOncePerOperation(): void
    {
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.work', 'args' => [3, 4], 'heartbeat_timeout' => 10]);
        self::assertSame(['result' => 'worked'], $outcome);
        self::assertCount(1, self::records($handle, 'execute'));
        $heartbeats = self::records($handle, 'heartbeat');
        self::assertSame([[0], [1], [2]], array_column($heartbeats, 'details'));
        self::assertSame([1, 1, 1], array_column($heartbeats, 'attempt'), 'each knows its attempt');
        self::assertCount(4, self::records($handle, 'getInfo'));
    }

    public function testExecuteIsCalledOncePerAttempt(): void
    {
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.refusedPlainly', 'max_attempts' => 3]);
        self::assertSame('RuntimeException', $outcome['error']['type'] ?? $outcome);
        self::assertSame([1, 2, 3], array_column(self::records($handle, 'execute'), 'attempt'));
    }

    public function testAnInterceptorChangesTheArguments(): void
    {
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.addOne', 'args' => [1, 'one']]);
        self::assertSame(['result' => [2, 'one']], $outcome);
        self::assertSame([1, 'one'], self::records($handle, 'execute')[0]['arguments'], 'as scheduled, outside');
    }

    public function testAnInterceptorChangesTheResult(): void
    {
        [, $outcome] = $this->runActivity(['name' => 'icpt.wrapResult']);
        self::assertSame(['result' => ['wrapped' => 'inner']], $outcome);
    }

    public function testTheDynamicActivitysArgumentsAreItsTypeAndTheEncodedArguments(): void
    {
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.unregistered', 'args' => [1, 'x']]);
        self::assertSame(['result' => ['icpt.unregistered', [1, 'x']]], $outcome);
        self::assertSame(['icpt.unregistered', 'object TrueAsync\Temporal\DataConverter\EncodedArguments'],
            self::records($handle, 'execute')[0]['arguments']);
    }

    public function testAnApplicationFailureAnInterceptorThrowsKeepsItsTypeAndNonRetryableFlag(): void
    {
        [$handle, $outcome] = $this->runActivity(['name' => 'icpt.refused', 'max_attempts' => 5]);
        $error = $outcome['error'] ?? $outcome;
        self::assertSame(['application', 'InterceptorRefusal', 'refused by an interceptor', true],
            [$error['kind'], $error['type'], $error['message'], $error['non_retryable']]);
        self::assertCount(1, self::records($handle, 'execute'), 'not retried');
    }

    public function testAPlainExceptionAnInterceptorThrowsFailsTheAttemptWithItsMessage(): void
    {
        [, $outcome] = $this->runActivity(['name' => 'icpt.refusedPlainly']);
        $error = $outcome['error'] ?? $outcome;
        self::assertSame(['application', 'RuntimeException', 'refused plainly by an interceptor', false],
            [$error['kind'], $error['type'], $error['message'], $error['non_retryable']]);
    }

    /** @return array{WorkflowHandle, array<string, mixed>} the Python workflow's handle and what it saw */
    protected function runActivity(array $spec): array
    {
        $spec += ['task_queue' => self::$queue];
        $options = WorkflowOptions::new()->withTaskQueue(self::$queue . '-wf')
            ->withWorkflowId(self::uniqueId('intercepted'));
        $handle = self::client()->start('RunActivity', [$spec], $options);
        return [$handle, $handle->result(timeoutSeconds: 60)];
    }

    /**
     * What the recording interceptor logged for $handle's run, by $hook, in order. The log is complete for a
     * run once its result is in: each hook records before it goes on.
     *
     * @return list<array<string, mixed>>
     */
    protected static function records(WorkflowHandle $handle, string $hook): array
    {
        $records = [];
        foreach (file(self::$log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
            $record = json_decode($line, true, flags: JSON_THROW_ON_ERROR);
            if ($record['workflow_id'] === $handle->getId() && $record['hook'] === $hook) {
                $records[] = $record;
            }
        }
        return $records;
    }
}
