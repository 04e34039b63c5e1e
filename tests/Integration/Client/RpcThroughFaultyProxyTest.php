<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\RpcRetryOptions;
use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\DeadlineExceededException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Client calls through a proxy (fixtures/faulty_proxy.py) that cuts the client's connection and then resets or
 * stalls the next ones. The retry options reach the core: a call without retries fails, a call with retries
 * rides it out, and a call never makes more attempts than its retries allow. The RPC timeout reaches every
 * client object: a call that would wait forever on a stalled connection fails at it.
 */
final class RpcThroughFaultyProxyTest extends ServerTestCase
{
    /** @var resource */
    private static $proxy;
    /** @var array<int, resource> */
    private static array $pipes;
    private static string $proxyAddress;

    public static function setUpBeforeClass(): void
    {
        $command = ['python3', __DIR__ . '/fixtures/faulty_proxy.py', self::address()];
        $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
        self::assertIsResource($process);
        [self::$proxy, self::$pipes] = [$process, $pipes];
        self::$proxyAddress = trim((string) fgets($pipes[1])); // blocks until it listens, or it exits (EOF)
        self::assertMatchesRegularExpression('/^127\.0\.0\.1:\d+$/', self::$proxyAddress);
    }

    public static function tearDownAfterClass(): void
    {
        fclose(self::$pipes[0]); // the proxy exits when its stdin closes
        proc_close(self::$proxy);
    }

    protected function tearDown(): void
    {
        // A call that failed on the cut connection leaves refusals unused; stalled connections stay open.
        self::command('refuse 0');
        self::command('stall 0');
        self::command('cut');
    }

    public function testWithoutRetriesACallFailsOnTheFirstResetConnection(): void
    {
        $client = $this->connectThroughProxy(null);

        $this->cutAndRefuse(1);

        $this->assertCallFails($client);
    }

    public function testWithRetriesACallRidesOutResetConnections(): void
    {
        $client = $this->connectThroughProxy(self::quickRetries()->withMaxRetries(5));
        $refusedBefore = (int) self::command('refused');

        $this->cutAndRefuse(2);

        $this->assertGreaterThanOrEqual(0, $client->countWorkflows());
        $this->assertSame($refusedBefore + 2, (int) self::command('refused'), 'the retries reconnected twice');
    }

    public function testACallMakesNoMoreAttemptsThanItsRetriesAllow(): void
    {
        $client = $this->connectThroughProxy(self::quickRetries()->withMaxRetries(1));
        $refusedBefore = (int) self::command('refused');

        $this->cutAndRefuse(5);

        $this->assertCallFails($client);
        $refused = (int) self::command('refused') - $refusedBefore;
        $this->assertGreaterThanOrEqual(1, $refused, 'the retry reconnected');
        $this->assertLessThanOrEqual(2, $refused, 'one retry is two attempts at most');
    }

    public function testEveryObjectMadeFromAClientWithAnRpcTimeoutCarriesIt(): void
    {
        $client = $this->connectThroughProxy(RpcRetryOptions::new())->withRpcTimeout(1.0);
        $options = WorkflowOptions::new()->withTaskQueue('nowhere')->withWorkflowId(self::uniqueId('stalled'));

        $this->stallEveryConnection();

        $this->assertEachFailsAtTheDeadline([
            'CountWorkflowExecutions' => fn () => $client->countWorkflows(),
            'ListWorkflowExecutions' => fn () => iterator_to_array($client->listWorkflows()),
            'StartWorkflowExecution' => fn () => $client->start('Nobody', [], $options),
            'DescribeWorkflowExecution' => fn () => $client->getHandle('stalled')->describe(),
            'GetWorkflowExecutionHistory' => fn () => $client->getHandle('stalled')->fetchHistory(),
            'ListSchedules' => fn () => iterator_to_array($client->schedules()->listSchedules()),
            'DescribeSchedule' => fn () => $client->schedules()->getHandle('stalled')->describe(),
            'RecordActivityTaskHeartbeatById' =>
                fn () => $client->getActivityCompletionClient()->heartbeatById('stalled', null, 'activity'),
        ]);
    }

    public function testEachClientObjectTakesAnRpcTimeoutOfItsOwn(): void
    {
        $client = $this->connectThroughProxy(RpcRetryOptions::new());

        $this->stallEveryConnection();

        $this->assertEachFailsAtTheDeadline([
            'DescribeWorkflowExecution' => fn () => $client->getHandle('stalled')->withRpcTimeout(1.0)->describe(),
            'CreateSchedule' => fn () => $client->schedules()->withRpcTimeout(1.0)->create('stalled',
                Schedule::new(ScheduleAction::startWorkflow('Nobody', [], WorkflowOptions::new()
                    ->withWorkflowId('stalled')->withTaskQueue('nowhere')), ScheduleSpec::new())),
            'PatchSchedule' => fn () => $client->schedules()->getHandle('stalled')->withRpcTimeout(1.0)->pause(),
            'RespondActivityTaskCompleted' =>
                fn () => $client->getActivityCompletionClient()->withRpcTimeout(1.0)->complete('token'),
        ]);
    }

    /** @param array<string, \Closure> $calls by the WorkflowService method each makes */
    private function assertEachFailsAtTheDeadline(array $calls): void
    {
        foreach ($calls as $method => $call) {
            $started = hrtime(true);
            try {
                $call();
                $this->fail("$method returned through a stalled connection");
            } catch (DeadlineExceededException $e) {
                $this->assertStringContainsString("WorkflowService.$method did not complete within its RPC timeout "
                    . 'of 1 s', $e->getMessage());
                // Far above the timeout, far below forever: never a speed-dependent bound.
                $this->assertLessThan(15.0, (hrtime(true) - $started) / 1e9, "$method was not bounded");
            }
        }
    }

    /** Resets the open connections; every new one is accepted and never answered. */
    private function stallEveryConnection(): void
    {
        $this->assertSame('ok', self::command('stall 1000'));
        $this->assertSame('ok', self::command('cut'));
    }

    private function connectThroughProxy(?RpcRetryOptions $retry): Client
    {
        $client = Client::connect(ConnectionOptions::new(self::$proxyAddress)->withRpcRetryOptions($retry));
        $this->assertGreaterThanOrEqual(0, $client->countWorkflows());
        return $client;
    }

    /** Resets the open connections and the next $connections ones. */
    private function cutAndRefuse(int $connections): void
    {
        $this->assertSame('ok', self::command("refuse $connections"));
        $this->assertSame('ok', self::command('cut'));
    }

    private function assertCallFails(Client $client): void
    {
        try {
            $client->countWorkflows();
            $this->fail('the call succeeded through a connection the proxy reset');
        } catch (ServiceException $e) {
            // CANCELLED ("operation was canceled") when the request went out on the connection just reset,
            // UNKNOWN ("transport error") or UNAVAILABLE when a new connection was reset: all transport faults.
            $faults = [ServiceException::CANCELLED, ServiceException::UNKNOWN, ServiceException::UNAVAILABLE];
            $this->assertContains($e->getCode(), $faults, $e->getMessage());
        }
    }

    /** Retries without jitter or growth, so that they are quick and the attempts easy to count. */
    private static function quickRetries(): RpcRetryOptions
    {
        return RpcRetryOptions::new()->withInitialInterval(0.05)->withRandomizationFactor(0.0)->withMultiplier(1.0)
            ->withMaxInterval(0.05)->withMaxElapsedTime(null);
    }

    private static function command(string $line): string
    {
        fwrite(self::$pipes[0], "$line\n");
        return trim((string) fgets(self::$pipes[1]));
    }
}
