<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\TlsOptions;

/** No dump, print_r or stack trace of the connection options shows a secret. */
final class SecretsStayOutOfDumpsTest extends TestCase
{
    private const SECRETS = ['api-key-SECRET-1', 'Bearer SECRET-2', 'PRIVATE-KEY-SECRET-3', 'proxy-SECRET-4'];

    public function testDumpsMaskEverySecretAndKeepTheRest(): void
    {
        $options = self::options();
        foreach ([print_r($options, true), var_export(self::dump($options), true)] as $dump) {
            foreach (self::SECRETS as $secret) {
                self::assertStringNotContainsString($secret, $dump);
            }
            self::assertStringContainsString('127.0.0.1:7233', $dump);
            self::assertStringContainsString('authorization', $dump);
            self::assertStringContainsString('CERT-PEM', $dump);
        }
    }

    /** An error thrown while a secret is an argument on the stack: its trace must not show the secret. */
    public function testErrorsAboutSecretsShowNeitherTheSecretNorItInTheirTrace(): void
    {
        $calls = [
            static fn () => ConnectionOptions::new('x:1')->withApiKey(self::SECRETS[0] . "\n"),
            static fn () => ConnectionOptions::new('x:1')->withMetadata(['authorization' => self::SECRETS[1], 'n' => 1]),
            static fn () => ConnectionOptions::new('x:1')->withHttpConnectProxy('127.0.0.1:1', null, self::SECRETS[3]),
        ];
        $ignoredArgs = ini_set('zend.exception_ignore_args', '0');  // traces with arguments, as in development
        foreach ($calls as $i => $call) {
            try {
                $call();
                self::fail("call $i threw nothing");
            } catch (\ValueError | \TypeError $e) {
                $shown = $e->getMessage() . $e->getTraceAsString() . print_r($e->getTrace(), true);
                self::assertStringContainsString('SensitiveParameterValue', $shown, "call $i");
                foreach (self::SECRETS as $secret) {
                    self::assertStringNotContainsString($secret, $shown, "call $i");
                }
            }
        }
        ini_set('zend.exception_ignore_args', (string) $ignoredArgs);
    }

    public function testAnEmptyOrUnprintableApiKeyIsRefused(): void
    {
        foreach (['', 'has space', "tab\t", "caf\u{e9}"] as $key) {
            try {
                ConnectionOptions::new('x:1')->withApiKey($key);
                self::fail('accepted ' . json_encode($key));
            } catch (\ValueError $e) {
                self::assertStringContainsString('withApiKey(): the key must be non-empty printable ASCII', $e->getMessage());
            }
        }
        self::assertInstanceOf(ConnectionOptions::class, ConnectionOptions::new('x:1')->withApiKey(null));
    }

    private static function options(): ConnectionOptions
    {
        return ConnectionOptions::new('127.0.0.1:7233')
            ->withApiKey(self::SECRETS[0])
            ->withMetadata(['authorization' => self::SECRETS[1]])
            ->withTls(TlsOptions::new()->withClientCert('CERT-PEM', self::SECRETS[2]))
            ->withHttpConnectProxy('127.0.0.1:3128', 'user', self::SECRETS[3]);
    }

    private static function dump(object $value): string
    {
        ob_start();
        var_dump($value);
        return (string) ob_get_clean();
    }
}
