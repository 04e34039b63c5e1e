<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;

final class ConnectionOptionsFromEnvironmentTest extends TestCase
{
    /** @var list<string> */
    private array $files = [];

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
        $this->assertSame(['other' => 'v2', 'some-key' => 'v1'], $options->getMetadata());
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

    public function testAProfileOfTheConfigFileWithVariablesOnTop(): void
    {
        $file = $this->configFile(<<<'TOML'
            [profile.default]
            address = "localhost:7233"

            [profile.prod]
            address = "prod.acct.tmprl.cloud:7233"
            namespace = "prod.acct"
            api_key = "file-key"

            [profile.prod.tls]
            server_name = "prod.local"
            server_ca_cert_data = "CA PEM"

            [profile.prod.grpc_meta]
            x-team = "payments"
            TOML);

        $options = ConnectionOptions::fromEnvironment(
            ['TEMPORAL_PROFILE' => 'prod', 'TEMPORAL_API_KEY' => 'env-key', 'TEMPORAL_GRPC_META_X_RUN' => '7'],
            configFile: $file,
        );

        $this->assertSame('prod.acct.tmprl.cloud:7233', $options->getAddress());
        $this->assertSame('prod.acct', $options->getNamespace());
        $this->assertSame('env-key', $options->getApiKey(), 'a variable wins over the file');
        $this->assertSame(['x-run' => '7', 'x-team' => 'payments'], $options->getMetadata());
        $this->assertSame(['CA PEM', 'prod.local'], [$options->getTls()?->getServerRootCaCert(), $options->getTls()?->getDomain()]);
    }

    public function testTheProfileArgumentAndTemporalConfigFileVariableChooseTheProfile(): void
    {
        $file = $this->configFile("[profile.a]\nnamespace = \"ns-a\"\n[profile.b]\nnamespace = \"ns-b\"\n");

        $this->assertSame('ns-b', ConnectionOptions::fromEnvironment(['TEMPORAL_CONFIG_FILE' => $file,
            'TEMPORAL_PROFILE' => 'a'], 'b')->getNamespace());
        $this->assertSame('ns-a', ConnectionOptions::fromEnvironment(['TEMPORAL_CONFIG_FILE' => $file,
            'TEMPORAL_PROFILE' => 'a'])->getNamespace());
        $this->assertSame('default', ConnectionOptions::fromEnvironment(['TEMPORAL_CONFIG_FILE' => $file])
            ->getNamespace(), 'no "default" profile in the file: the defaults');
    }

    public function testStrictModeRejectsUnknownKeysAndBadTomlIsNamed(): void
    {
        $file = $this->configFile("[profile.default]\nadress = \"typo:7233\"\n");
        $this->assertSame('localhost:7233', ConnectionOptions::fromEnvironment([], configFile: $file)->getAddress());
        try {
            ConnectionOptions::fromEnvironment([], configFile: $file, strict: true);
            $this->fail('strict mode took an unknown key');
        } catch (\ValueError $e) {
            $this->assertStringContainsString('adress', $e->getMessage());
        }
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('cannot load the Temporal client configuration');
        ConnectionOptions::fromEnvironment([], configFile: $this->configFile('[profile.default'));
    }

    public function testAnExplicitConfigFileMustExist(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('Temporal config file "/no/such/temporal.toml" does not exist');
        ConnectionOptions::fromEnvironment([], configFile: '/no/such/temporal.toml');
    }

    /** @dataProvider unusableEnvironments */
    public function testUnusableVariablesAreRejectedByName(array $env, string $message): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage($message);
        ConnectionOptions::fromEnvironment($env);
    }

    protected function tearDown(): void
    {
        foreach ($this->files as $file) {
            @unlink($file);
        }
    }

    private function configFile(string $toml): string
    {
        $file = tempnam(sys_get_temp_dir(), 'temporal-toml-');
        file_put_contents($file, $toml);
        return $this->files[] = $file;
    }

    /** @return array<string, array{array<string, string>, string}> */
    public static function unusableEnvironments(): array
    {
        return [
            'path and data' => [
                ['TEMPORAL_TLS_SERVER_CA_CERT_PATH' => '/x', 'TEMPORAL_TLS_SERVER_CA_CERT_DATA' => 'y'],
                'Cannot specify both TEMPORAL_TLS_SERVER_CA_CERT_PATH and TEMPORAL_TLS_SERVER_CA_CERT_DATA',
            ],
            'missing file' => [['TEMPORAL_TLS_CLIENT_CERT_PATH' => '/no/such.pem', 'TEMPORAL_TLS_CLIENT_KEY_DATA' => 'k'],
                'TLS client certificate file "/no/such.pem" does not exist'],
            'cert without key' => [['TEMPORAL_TLS_CLIENT_CERT_DATA' => 'c'], 'must be configured together'],
            'missing profile' => [['TEMPORAL_CONFIG_FILE' => '/no/such.toml', 'TEMPORAL_PROFILE' => 'prod'],
                "Profile 'prod' not found"],
            'no host verification' => [['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION' => 'true'], 'not supported'],
        ];
    }
}
