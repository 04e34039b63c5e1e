<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\TlsOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Core\ConnectionException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Tinyproxy;

/**
 * The client through a real TLS-terminating gRPC proxy (nginx, stress/tls/serve_proxy.py) in front of the test
 * server: TLS and mutual TLS work, an API key reaches the proxy, and each kind of misconfiguration fails the
 * connect at once with a ConnectionException that says what is wrong and never shows the API key.
 */
final class TlsProxyTest extends ServerTestCase
{
    private const API_KEY = 'tls-proxy-test-key-5f1c9a';

    /** @var resource|null */
    private static $proxy = null;
    /** @var resource|null */
    private static $proxyStdin = null;
    /** @var array<string, string> */
    private static array $setup = [];

    public static function setUpBeforeClass(): void
    {
        $command = ['python3', \dirname(__DIR__, 3) . '/stress/tls/serve_proxy.py', self::address()];
        $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
        self::assertIsResource($process);
        [self::$proxy, self::$proxyStdin] = [$process, $pipes[0]];
        $line = fgets($pipes[1]); // blocks until the proxy listens, or the helper exits (EOF)
        self::$setup = json_decode((string) $line, true, flags: JSON_THROW_ON_ERROR);
    }

    public static function tearDownAfterClass(): void
    {
        if (self::$proxy !== null) {
            fclose(self::$proxyStdin); // the helper stops nginx and removes its files when its stdin closes
            proc_close(self::$proxy);
            self::$proxy = null;
        }
    }

    public function testAClientRunsAWorkflowOverTlsAndSendsItsApiKey(): void
    {
        $client = Client::connect($this->options(self::$setup['tls_address'], $this->tls()));
        $options = WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId(self::uniqueId('tls'));

        $result = $client->start('EchoWorkflow', ['over tls'], $options)->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame(['over tls'], $result);
        $sent = self::eventually(
            fn (): bool => str_contains((string) file_get_contents(self::$setup['access_log']), 'Bearer ' . self::API_KEY),
            true,
        );
        $this->assertTrue($sent, 'the proxy logged no call with the API key');
    }

    public function testAClientWithItsCertificateConnectsOverMutualTls(): void
    {
        $tls = $this->tls()->withClientCertFiles(self::$setup['client_cert'], self::$setup['client_key']);
        $client = Client::connect($this->options(self::$setup['mtls_address'], $tls));

        $this->assertGreaterThanOrEqual(0, $client->countWorkflows());
    }

    /** The core refuses a proxy with a client-certificate resolver; static certificates (all this SDK has) work. */
    public function testMutualTlsAndTheApiKeyRunEndToEndThroughAnHttpConnectProxy(): void
    {
        $tunnelTo = self::$setup['mtls_address'];
        $proxy = Tinyproxy::start((int) substr((string) strrchr($tunnelTo, ':'), 1));
        try {
            $tls = $this->tls()->withClientCertFiles(self::$setup['client_cert'], self::$setup['client_key']);
            $client = Client::connect($this->options($tunnelTo, $tls)->withHttpConnectProxy($proxy->address()));

            $this->assertGreaterThanOrEqual(0, $client->countWorkflows());
            $this->assertStringContainsString("CONNECT $tunnelTo", $proxy->log());
        } finally {
            $proxy->stop();
        }
    }

    public function testAnUntrustedServerCertificateFailsTheHandshake(): void
    {
        $tls = TlsOptions::new()->withServerRootCaCertFile(self::$setup['other_ca_cert'])
            ->withDomain(self::$setup['server_name']);

        $message = $this->connectFailure(self::$setup['tls_address'], $tls);

        $this->assertStringContainsString('TLS handshake failed: the server\'s certificate was not issued by a CA '
            . 'this client trusts', $message);
    }

    public function testAServerCertificateForAnotherNameFailsTheHandshake(): void
    {
        $tls = TlsOptions::new()->withServerRootCaCertFile(self::$setup['ca_cert'])->withDomain('wrong-name.test');

        $message = $this->connectFailure(self::$setup['tls_address'], $tls);

        $this->assertStringContainsString('TLS handshake failed: the server\'s certificate is not valid for the '
            . 'server name', $message);
        $this->assertStringContainsString('wrong-name.test', $message);
    }

    public function testAMissingClientCertificateIsNamedWhenTheProxyAnswersHttp400(): void
    {
        $message = $this->connectFailure(self::$setup['mtls_address'], $this->tls());

        $this->assertStringContainsString('HTTP 400 Bad Request instead of gRPC', $message);
        $this->assertStringContainsString('requires a client certificate (mutual TLS)', $message);
    }

    public function testATlsClientAtAPlaintextAddressIsToldSo(): void
    {
        $message = $this->connectFailure(self::address(), $this->tls());

        $this->assertStringContainsString('TLS handshake failed: the server did not answer in TLS', $message);
    }

    private function tls(): TlsOptions
    {
        return TlsOptions::new()->withServerRootCaCertFile(self::$setup['ca_cert'])
            ->withDomain(self::$setup['server_name']);
    }

    private function options(string $address, TlsOptions $tls): ConnectionOptions
    {
        // A connect timeout bounds a hang, should one come back; a failed handshake must fail long before it.
        return ConnectionOptions::new($address)->withTls($tls)->withApiKey(self::API_KEY)->withConnectTimeout(20);
    }

    /** The message of the ConnectionException connecting throws; asserts the API key is not in it. */
    private function connectFailure(string $address, TlsOptions $tls): string
    {
        try {
            Client::connect($this->options($address, $tls))->countWorkflows();
        } catch (ConnectionException $e) {
            $this->assertStringNotContainsString(self::API_KEY, $e->getMessage());
            return $e->getMessage();
        }
        $this->fail('the connection succeeded');
    }
}
