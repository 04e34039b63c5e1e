<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Core\ConnectionException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Tinyproxy;

/**
 * The client through a real HTTP CONNECT proxy (Debian's tinyproxy, started per test with its own config): a
 * workflow runs through it with and without basic auth, a wrong password fails the connect with a
 * ConnectionException that says the proxy refused, and stopping the proxy fails the next call (so the traffic
 * really went through it). No exception message shows the password.
 */
final class HttpConnectProxyTest extends ServerTestCase
{
    private const USER = 'temporal';
    private const PASSWORD = 'proxy-secret-3f9d2b';

    private ?Tinyproxy $proxy = null;

    protected function tearDown(): void
    {
        $this->proxy?->stop();
    }

    public function testAWorkflowRunsThroughTheProxy(): void
    {
        $this->proxy = Tinyproxy::start(self::serverPort());
        $client = Client::connect($this->options()->withHttpConnectProxy($this->proxy->address()));

        $this->assertSame(['through a proxy'], $this->runEcho($client, 'through a proxy'));
        $this->assertGreaterThanOrEqual(1, $client->countWorkflows());
        $this->assertStringContainsString('CONNECT ' . $this->serverAuthority(), $this->proxy->log());
    }

    public function testAWorkflowRunsThroughAProxyThatRequiresBasicAuth(): void
    {
        $this->proxy = Tinyproxy::start(self::serverPort(), [self::USER, self::PASSWORD]);
        $options = $this->options()->withHttpConnectProxy($this->proxy->address(), self::USER, self::PASSWORD);

        $this->assertSame(['with basic auth'], $this->runEcho(Client::connect($options), 'with basic auth'));
        $this->assertStringContainsString('CONNECT ' . $this->serverAuthority(), $this->proxy->log());
    }

    public function testAWrongPasswordFailsTheConnectSayingTheProxyRefused(): void
    {
        $this->proxy = Tinyproxy::start(self::serverPort(), [self::USER, self::PASSWORD]);
        $options = $this->options()->withHttpConnectProxy($this->proxy->address(), self::USER, 'wrong-' . self::PASSWORD);

        try {
            Client::connect($options)->countWorkflows();
            $this->fail('the proxy accepted a wrong password');
        } catch (ConnectionException $e) {
            // tinyproxy answers 401 Unauthorized where the standard says 407.
            $this->assertStringContainsString('the HTTP CONNECT proxy refused the tunnel: 401 Unauthorized: '
                . 'it did not accept the user and password', $e->getMessage());
            $this->assertStringNotContainsString(self::PASSWORD, $e->getMessage());
        }
    }

    public function testStoppingTheProxyFailsTheNextCall(): void
    {
        $this->proxy = Tinyproxy::start(self::serverPort(), [self::USER, self::PASSWORD]);
        $client = Client::connect($this->options()->withHttpConnectProxy($this->proxy->address(), self::USER, self::PASSWORD));
        $this->assertGreaterThanOrEqual(0, $client->countWorkflows());

        $this->proxy->stop();

        $failure = null;
        try {
            $client->countWorkflows();
        } catch (ServiceException $e) {
            $failure = $e;
        }
        $this->assertNotNull($failure, 'a call succeeded with the proxy stopped');
        $this->assertSame(ServiceException::UNAVAILABLE, $failure->getCode());
        $this->assertStringContainsString('Connection refused', $failure->getMessage());
        $this->assertStringNotContainsString(self::PASSWORD, $failure->getMessage());
    }

    private function options(): ConnectionOptions
    {
        // Bounds a hang, should one come back; every failure here must come long before it.
        return ConnectionOptions::new(self::address())->withConnectTimeout(20);
    }

    /** @return mixed the workflow's result */
    private function runEcho(Client $client, string $value): mixed
    {
        $options = WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId(self::uniqueId('proxy'));
        return $client->start('EchoWorkflow', [$value], $options)->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
    }

    /** host:port the client asks the proxy to tunnel to: the server's address without a scheme. */
    private function serverAuthority(): string
    {
        return preg_replace('#^[a-z]+://#', '', self::address());
    }

    private static function serverPort(): int
    {
        return (int) substr((string) strrchr(self::address(), ':'), 1);
    }
}
