<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;
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
            'retry' => true,
            'connect_timeout_ms' => 0,
            'http_connect_proxy' => null,
        ], json_decode($options->toJson(), true));
        $this->assertSame('default', $options->getNamespace());
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
            ->withRetry(false)
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
        $this->assertFalse($document['retry']);
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

        $changed = $original->withNamespace('other')->withRetry(false);

        $this->assertNotSame($original, $changed);
        $this->assertSame('default', $original->getNamespace());
        $this->assertTrue($original->isRetryEnabled());
        $this->assertSame('other', $changed->getNamespace());
        $this->assertFalse($changed->isRetryEnabled());
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
