<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;

/** ConnectionOptions::withHttpConnectProxy(): what it accepts, and errors that name it but never the password. */
final class HttpConnectProxyOptionTest extends TestCase
{
    private const PASSWORD = 'proxy-pw-8c2e71';

    /** @return iterable<string, array{string}> */
    public static function goodAddresses(): iterable
    {
        yield 'host name' => ['proxy.internal:3128'];
        yield 'IPv4' => ['127.0.0.1:8888'];
        yield 'IPv6' => ['[::1]:8888'];
        yield 'padded' => [' proxy:1 '];
    }

    /** @dataProvider goodAddresses */
    public function testAHostAndPortIsAccepted(string $address): void
    {
        $options = ConnectionOptions::new('h:1')->withHttpConnectProxy($address);

        $this->assertSame(trim($address), $options->getHttpConnectProxyAddress());
        $this->assertSame(
            ['address' => trim($address), 'basic_auth_user' => null, 'basic_auth_password' => null],
            json_decode($options->toJson(), true)['http_connect_proxy'],
        );
    }

    public function testNullRemovesTheProxy(): void
    {
        $options = ConnectionOptions::new('h:1')->withHttpConnectProxy('proxy:3128')->withHttpConnectProxy(null);

        $this->assertNull($options->getHttpConnectProxyAddress());
        $this->assertNull(json_decode($options->toJson(), true)['http_connect_proxy']);
    }

    /** @return iterable<string, array{string, string}> */
    public static function badAddresses(): iterable
    {
        yield 'empty' => [' ', 'the proxy address must not be empty'];
        yield 'no port' => ['proxy.internal', 'the proxy address "proxy.internal" is not host:port'];
        yield 'no host' => [':3128', 'the proxy address ":3128" is not host:port'];
        yield 'port 0' => ['proxy:0', 'the proxy address "proxy:0" is not host:port'];
        yield 'port too large' => ['proxy:65536', 'the proxy address "proxy:65536" is not host:port'];
        yield 'a path' => ['proxy:3128/x', 'the proxy address "proxy:3128/x" is not host:port'];
        yield 'bare IPv6' => ['::1:3128', 'the proxy address "::1:3128" is not host:port'];
        yield 'a scheme' => ['http://proxy:3128', 'the proxy address "http://proxy:3128" must be host:port, without a scheme'];
        yield 'not UTF-8' => ["prox\xffy:3128", 'the proxy address must be valid UTF-8'];
    }

    /** @dataProvider badAddresses */
    public function testABadAddressIsRefusedNamingTheOption(string $address, string $message): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('ConnectionOptions::withHttpConnectProxy(): ' . $message);

        ConnectionOptions::new('h:1')->withHttpConnectProxy($address);
    }

    /** @return iterable<string, array{?string, ?string, ?string, string}> */
    public static function badCredentials(): iterable
    {
        yield 'user without password' => ['p:1', 'alice', null, 'basic auth needs both a user and a password'];
        yield 'password without user' => ['p:1', null, self::PASSWORD, 'basic auth needs both a user and a password'];
        yield 'credentials without proxy' => [null, 'alice', self::PASSWORD, 'basic auth credentials need a proxy address'];
        yield 'empty user' => ['p:1', '', self::PASSWORD, 'the basic auth user must not be empty'];
        yield 'user with a colon' => ['p:1', 'al:ice', self::PASSWORD, 'the basic auth user must not contain ":"'];
        yield 'user not UTF-8' => ['p:1', "al\xffice", self::PASSWORD, 'the basic auth user must be valid UTF-8'];
        yield 'empty password' => ['p:1', 'alice', '', 'the basic auth password must not be empty'];
        yield 'password not UTF-8' => ['p:1', 'alice', self::PASSWORD . "\xff", 'the basic auth password must be valid UTF-8'];
    }

    /** @dataProvider badCredentials */
    public function testBadCredentialsAreRefusedWithoutShowingThePassword(
        ?string $address,
        ?string $user,
        ?string $password,
        string $message,
    ): void {
        try {
            ConnectionOptions::new('h:1')->withHttpConnectProxy($address, $user, $password);
            $this->fail('the credentials were accepted');
        } catch (\ValueError $e) {
            $this->assertStringContainsString('ConnectionOptions::withHttpConnectProxy(): ' . $message, $e->getMessage());
            $this->assertStringNotContainsString(self::PASSWORD, $e->getMessage());
            $this->assertStringNotContainsString(self::PASSWORD, $e->getTraceAsString());
        }
    }

    public function testADumpOfTheOptionsDoesNotShowThePassword(): void
    {
        $options = ConnectionOptions::new('h:1')->withHttpConnectProxy('p:1', 'alice', self::PASSWORD);

        $this->assertStringNotContainsString(self::PASSWORD, print_r($options, true));
        $this->assertStringContainsString('alice', print_r($options, true));
    }
}
