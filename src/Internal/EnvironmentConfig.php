<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\TlsOptions;

/**
 * Reads connection options from the environment variables every Temporal SDK and the CLI read (the core's
 * temporalio-common envconfig): TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*,
 * TEMPORAL_GRPC_META_*. TOML profiles (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE) and the codec variables
 * are not read.
 *
 * @internal
 */
final class EnvironmentConfig
{
    public const DEFAULT_ADDRESS = 'localhost:7233';

    private const TLS_VARIABLES = [
        'TEMPORAL_TLS', 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_CERT_DATA',
        'TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_CLIENT_KEY_DATA', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
        'TEMPORAL_TLS_SERVER_CA_CERT_DATA', 'TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION',
    ];
    private const META_PREFIX = 'TEMPORAL_GRPC_META_';

    /** @param array<string, string> $env */
    public function __construct(private array $env)
    {
    }

    /** @throws \ValueError a variable has a value that cannot be used (the message names it) */
    public function toOptions(): ConnectionOptions
    {
        $tls = $this->tls();
        $address = $this->get('TEMPORAL_ADDRESS') ?? self::DEFAULT_ADDRESS;
        $apiKey = $this->get('TEMPORAL_API_KEY');
        if ($apiKey !== null && $tls === false && !str_contains($address, '://')) {
            $address = "http://$address"; // TLS explicitly off: keep the API key from implying it
        }
        $options = ConnectionOptions::new($address)->withApiKey($apiKey)->withMetadata($this->metadata());
        $namespace = $this->get('TEMPORAL_NAMESPACE');
        if ($namespace !== null) {
            $options = $options->withNamespace($namespace);
        }
        return $options->withTls($tls === false ? null : $tls);
    }

    /** @return TlsOptions|false|null false: explicitly disabled; null: no TLS variable set */
    private function tls(): TlsOptions|false|null
    {
        if (array_filter(self::TLS_VARIABLES, fn (string $name) => isset($this->env[$name])) === []) {
            return null;
        }
        if ($this->bool('TEMPORAL_TLS') === false) {
            return false;
        }
        if ($this->bool('TEMPORAL_TLS_DISABLE_HOST_VERIFICATION') === true) {
            throw new \ValueError('TEMPORAL_TLS_DISABLE_HOST_VERIFICATION=true is not supported by this SDK');
        }
        $tls = TlsOptions::new();
        $ca = $this->pem('TEMPORAL_TLS_SERVER_CA_CERT');
        $tls = $ca === null ? $tls : $tls->withServerRootCaCert($ca);
        $serverName = $this->get('TEMPORAL_TLS_SERVER_NAME');
        $tls = $serverName === null ? $tls : $tls->withDomain($serverName);
        $cert = $this->pem('TEMPORAL_TLS_CLIENT_CERT');
        $key = $this->pem('TEMPORAL_TLS_CLIENT_KEY');
        if (($cert === null) !== ($key === null)) {
            throw new \ValueError('TEMPORAL_TLS_CLIENT_CERT_* and TEMPORAL_TLS_CLIENT_KEY_* must be set together');
        }
        return $cert === null ? $tls : $tls->withClientCert($cert, (string) $key);
    }

    /** A PEM from <PREFIX>_PATH (a file) or <PREFIX>_DATA (the PEM itself), never both. */
    private function pem(string $prefix): ?string
    {
        $path = $this->get("{$prefix}_PATH");
        $data = $this->get("{$prefix}_DATA");
        if ($path !== null && $data !== null) {
            throw new \ValueError("Cannot specify both {$prefix}_PATH and {$prefix}_DATA");
        }
        if ($path === null) {
            return $data;
        }
        $pem = is_file($path) && is_readable($path) ? file_get_contents($path) : false;
        if ($pem === false || $pem === '') {
            throw new \ValueError("{$prefix}_PATH: \"$path\" does not exist, is empty or is not readable");
        }
        return $pem;
    }

    /** @return array<string, string> TEMPORAL_GRPC_META_SOME_KEY=v → some-key: v; an empty value sets nothing */
    private function metadata(): array
    {
        $metadata = [];
        foreach ($this->env as $name => $value) {
            if (str_starts_with((string) $name, self::META_PREFIX) && $value !== '') {
                $header = str_replace('_', '-', strtolower(substr((string) $name, \strlen(self::META_PREFIX))));
                $metadata[$header] = $value;
            }
        }
        return $metadata;
    }

    private function bool(string $name): ?bool
    {
        return match (strtolower($this->get($name) ?? '')) {
            'true', '1' => true,
            'false', '0' => false,
            default => null,
        };
    }

    /** The variable's value; unset and empty read as null. */
    private function get(string $name): ?string
    {
        $value = $this->env[$name] ?? '';
        return $value === '' ? null : (string) $value;
    }
}
