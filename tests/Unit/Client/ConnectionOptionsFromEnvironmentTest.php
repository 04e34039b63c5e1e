<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;

final class ConnectionOptionsFromEnvironmentTest extends TestCase
{
    public function testAnEmptyEnvironmentGivesTheDefaults(): void
    {
        $options = ConnectionOptions::fromEnvironment([]);

        $this->assertSame('localhost:7233', $options->getAddress());
        $this->assertSame('default', $options->getNamespace());
        $this->assertNull($options->getApiKey());
        $this->assertNull($options->getTls());
        $this->assertSame([], $options->getMetadata());
    }

    public function testAddressNamespaceApiKeyAndMetadataAreRead(): void
    {
        $options = ConnectionOptions::fromEnvironment([
            'TEMPORAL_ADDRESS' => 'ns.acct.tmprl.cloud:7233',
            'TEMPORAL_NAMESPACE' => 'ns.acct',
            'TEMPORAL_API_KEY' => 'key-1',
            'TEMPORAL_GRPC_META_SOME_KEY' => 'v1',
            'TEMPORAL_GRPC_META_other' => 'v2',
            'TEMPORAL_GRPC_META_EMPTY' => '',
            'UNRELATED' => 'x',
        ]);

        $this->assertSame('ns.acct.tmprl.cloud:7233', $options->getAddress());
        $this->assertSame('ns.acct', $options->getNamespace());
        $this->assertSame('key-1', $options->getApiKey());
        $this->assertSame(['some-key' => 'v1', 'other' => 'v2'], $options->getMetadata());
        $this->assertNull($options->getTls(), 'the API key implies TLS in the bridge, without explicit options');
    }

    public function testTlsVariablesBuildTlsOptionsFromDataAndFiles(): void
    {
        $caFile = tempnam(sys_get_temp_dir(), 'ca-');
        file_put_contents($caFile, 'CA PEM');
        try {
            $options = ConnectionOptions::fromEnvironment([
                'TEMPORAL_TLS_SERVER_CA_CERT_PATH' => $caFile,
                'TEMPORAL_TLS_CLIENT_CERT_DATA' => 'CERT PEM',
                'TEMPORAL_TLS_CLIENT_KEY_DATA' => 'KEY PEM',
                'TEMPORAL_TLS_SERVER_NAME' => 'server.local',
            ]);
        } finally {
            unlink($caFile);
        }

        $tls = $options->getTls();
        $this->assertNotNull($tls);
        $this->assertSame(['CA PEM', 'server.local', 'CERT PEM', 'KEY PEM'], [
            $tls->getServerRootCaCert(),
            $tls->getDomain(),
            $tls->getClientCert(),
            $tls->getClientPrivateKey(),
        ]);
    }

    public function testTlsFalseTurnsTlsOffEvenWithAnApiKey(): void
    {
        $options = ConnectionOptions::fromEnvironment([
            'TEMPORAL_ADDRESS' => 'host:7233',
            'TEMPORAL_API_KEY' => 'k',
            'TEMPORAL_TLS' => 'false',
        ]);

        $this->assertNull($options->getTls());
        $this->assertSame('http://host:7233', $options->getAddress());
        $this->assertNotNull(ConnectionOptions::fromEnvironment(['TEMPORAL_TLS' => '1'])->getTls());
    }

    /** @dataProvider unusableEnvironments */
    public function testUnusableVariablesAreRejectedByName(array $env, string $message): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage($message);
        ConnectionOptions::fromEnvironment($env);
    }

    /** @return array<string, array{array<string, string>, string}> */
    public static function unusableEnvironments(): array
    {
        return [
            'path and data' => [
                ['TEMPORAL_TLS_SERVER_CA_CERT_PATH' => '/x', 'TEMPORAL_TLS_SERVER_CA_CERT_DATA' => 'y'],
                'Cannot specify both TEMPORAL_TLS_SERVER_CA_CERT_PATH and TEMPORAL_TLS_SERVER_CA_CERT_DATA',
            ],
            'missing file' => [['TEMPORAL_TLS_CLIENT_CERT_PATH' => '/no/such.pem'], 'TEMPORAL_TLS_CLIENT_CERT_PATH'],
            'cert without key' => [['TEMPORAL_TLS_CLIENT_CERT_DATA' => 'c'], 'must be set together'],
            'no host verification' => [['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION' => 'true'], 'not supported'],
        ];
    }
}
