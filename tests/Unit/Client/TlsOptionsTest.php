<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\TlsOptions;

final class TlsOptionsTest extends TestCase
{
    /** @var list<string> */
    private array $files = [];

    protected function tearDown(): void
    {
        array_map('unlink', $this->files);
    }

    public function testPemFilesAreReadIntoTheOptions(): void
    {
        $tls = TlsOptions::new()
            ->withServerRootCaCertFile($this->file("CA PEM\n"))
            ->withClientCertFiles($this->file("CERT PEM\n"), $this->file("KEY PEM\n"));

        $this->assertSame([
            'server_root_ca_cert' => "CA PEM\n",
            'domain' => null,
            'client_cert' => "CERT PEM\n",
            'client_private_key' => "KEY PEM\n",
        ], $tls->toArray());
    }

    public function testAMissingFileIsRejectedWithItsPath(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('The client private key file "/nonexistent/key.pem" does not exist');
        TlsOptions::new()->withClientCertFiles($this->file('CERT'), '/nonexistent/key.pem');
    }

    public function testWithersReturnCopies(): void
    {
        $original = TlsOptions::new();

        $changed = $original->withDomain('example.com');

        $this->assertNull($original->getDomain());
        $this->assertSame('example.com', $changed->getDomain());
    }

    private function file(string $contents): string
    {
        $path = (string) tempnam(sys_get_temp_dir(), 'tls-test-');
        file_put_contents($path, $contents);
        return $this->files[] = $path;
    }
}
