<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\RpcRetryOptions;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * The retry options reach the core: through a proxy (fixtures/refusing_proxy.py) that cuts the client's
 * connection and resets the next ones, a call without retries fails, a call with retries rides it out, and
 * a call never makes more attempts than its retries allow.
 */
final class RpcRetryTest extends ServerTestCase
{
    /** @var resource */
    private static $proxy;
    /** @var array<int, resource> */
    private static array $pipes;
    private static string $proxyAddress;

    public static function setUpBeforeClass(): void
    {
        $command = ['python3', __DIR__ . '/fixtures/refusing_proxy.py', self::address()];
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
        self::command('refuse 0'); // a call that failed on the cut connection left its refusals unused
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
