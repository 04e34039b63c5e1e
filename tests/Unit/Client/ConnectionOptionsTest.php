<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\RpcRetryOptions;
use TrueAsync\Temporal\Client\TlsOptions;
use TrueAsync\Temporal\Version;

final class ConnectionOptionsTest extends TestCase
{
    public function testDefaultsSerializeToTheConnectOptionsDocument(): void
    {
        $options = ConnectionOptions::new('127.0.0.1:7233');

        $this->assertSame([
            'target' => '127.0.0.1:7233',
            'identity' => getmypid() . '@' . gethostname(),
            'client_name' => 'trueasync-temporal-php',
            'client_version' => Version::SDK_VERSION,
            'api_key' => null,
            'tls' => null,
            'metadata' => [],
            'retry' => [
                'initial_interval_ms' => 100,
                'randomization_factor' => 0.2,
                'multiplier' => 1.7,
                'max_interval_ms' => 5000,
                'max_elapsed_time_ms' => 10000,
                'max_retries' => 9,
            ],
            'connect_timeout_ms' => 0,
            'http_connect_proxy' => null,
        ], json_decode($options->toJson(), true));
        $this->assertSame('default', $options->getNamespace());
        $this->assertNull($options->getRpcTimeout());
    }

    public function testEmptyMetadataIsAJsonObject(): void
    {
        $this->assertStringContainsString('"metadata":{}', ConnectionOptions::new('h:1')->toJson());
    }

    public function testEverySettingReachesTheDocument(): void
    {
        $tls = TlsOptions::new()->withServerRootCaCert('CA')->withDomain('example.com')->withClientCert('CERT', 'KEY');
        $options = ConnectionOptions::new('https://example.com:7233')
            ->withNamespace('orders')
            ->withIdentity('worker-7')
            ->withTls($tls)
            ->withApiKey('secret')
            ->withMetadata(['x-team' => 'payments', 'trace-bin' => "\x00\xff"])
            ->withRpcRetryOptions(null)
            ->withRpcTimeout(1.5)
            ->withConnectTimeout(2.5)
            ->withHttpConnectProxy('proxy.internal:3128', 'alice', 'pa:ss');

        $document = json_decode($options->toJson(), true);

        $this->assertSame('https://example.com:7233', $document['target']);
        $this->assertSame('worker-7', $document['identity']);
        $this->assertSame('secret', $document['api_key']);
        $this->assertSame([
            'server_root_ca_cert' => 'CA',
            'domain' => 'example.com',
            'client_cert' => 'CERT',
            'client_private_key' => 'KEY',
        ], $document['tls']);
        $this->assertSame(['x-team' => 'payments', 'trace-bin' => base64_encode("\x00\xff")], $document['metadata']);
        $this->assertNull($document['retry']);
        $this->assertArrayNotHasKey('rpc_timeout', $document, 'the RPC timeout stays in PHP: each call carries it');
        $this->assertSame(1.5, $options->getRpcTimeout());
        $this->assertSame(2500, $document['connect_timeout_ms']);
        $this->assertSame(
            ['address' => 'proxy.internal:3128', 'basic_auth_user' => 'alice', 'basic_auth_password' => 'pa:ss'],
            $document['http_connect_proxy'],
        );
        $this->assertSame('proxy.internal:3128', $options->getHttpConnectProxyAddress());
        $this->assertSame('orders', $options->getNamespace());
    }

    public function testWithersReturnCopiesAndLeaveTheOriginalUnchanged(): void
    {
        $original = ConnectionOptions::new('h:1');

        $changed = $original->withNamespace('other')->withRpcRetryOptions(null)->withRpcTimeout(3.0);

        $this->assertNotSame($original, $changed);
        $this->assertSame('default', $original->getNamespace());
        $this->assertEquals(RpcRetryOptions::new(), $original->getRpcRetryOptions());
        $this->assertNull($original->getRpcTimeout());
        $this->assertSame('other', $changed->getNamespace());
        $this->assertNull($changed->getRpcRetryOptions());
        $this->assertSame(3.0, $changed->getRpcTimeout());
        $this->assertNull($changed->withRpcTimeout(null)->getRpcTimeout());
    }

    public function testAnEmptyAddressIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('the address must not be empty');
        ConnectionOptions::new(' ');
    }

    public function testAnEmptyIdentityIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('the identity must not be empty');
        ConnectionOptions::new('h:1')->withIdentity('');
    }

    /**
     * @dataProvider badTimeouts
     */
    public function testAnRpcTimeoutThatIsNotAPositiveFiniteNumberIsRejectedByName(float $timeout): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('ConnectionOptions::withRpcTimeout(): $timeoutSeconds: the ');
        ConnectionOptions::new('h:1')->withRpcTimeout($timeout);
    }

    /** @return array<string, array{float}> */
    public static function badTimeouts(): array
    {
        return ['NaN' => [NAN], 'infinity' => [INF], 'negative' => [-1.0], 'zero' => [0.0]];
    }

    public function testRetryOptionsWhoseMaxIntervalIsBelowTheInitialAreRejected(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('the max interval (1 s) must not be less than the initial interval (2 s)');
        ConnectionOptions::new('h:1')->withRpcRetryOptions(RpcRetryOptions::new()->withMaxInterval(1)->withInitialInterval(2));
    }

    public function testANegativeConnectTimeoutIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        ConnectionOptions::new('h:1')->withConnectTimeout(-1);
    }

    public function testNonStringMetadataIsRejected(): void
    {
        $this->expectException(\TypeError::class);
        ConnectionOptions::new('h:1')->withMetadata(['x-count' => 3]);
    }
}
