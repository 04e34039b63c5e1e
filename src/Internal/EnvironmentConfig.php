<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\TlsOptions;
use TrueAsync\Temporal\Core;

/**
 * Connection options from a client profile that the core's envconfig resolved (a `temporal.toml` profile with
 * the TEMPORAL_* variables on top), so PHP reads them exactly as the CLI and the other SDKs do. The codec
 * settings of a profile are for the CLI and the Web UI; no SDK connects with them.
 *
 * @internal
 */
final class EnvironmentConfig
{
    public const DEFAULT_ADDRESS = 'localhost:7233';

    /** @param array<string, mixed> $profile the profile document of docs/DESIGN.md */
    private function __construct(private array $profile)
    {
    }

    /**
     * @param array<string, string> $env
     * @throws \ValueError the file, the profile or a variable cannot be used (the message says which)
     */
    public static function load(array $env, ?string $profile, ?string $configFile, bool $strict): self
    {
        if ($configFile !== null && !is_file($configFile)) {
            throw new \ValueError("Temporal config file \"$configFile\" does not exist");
        }
        $request = ['profile' => $profile, 'config_file' => $configFile, 'strict' => $strict,
            'env' => array_map('strval', array_filter($env, 'is_string', \ARRAY_FILTER_USE_KEY))];
        $json = Core\EnvConfig::loadProfile(json_encode($request, \JSON_THROW_ON_ERROR | \JSON_FORCE_OBJECT));
        return new self(json_decode($json, true, 16, \JSON_THROW_ON_ERROR));
    }

    /** @throws \ValueError TLS settings this SDK cannot honour, or an unreadable PEM file */
    public function toOptions(): ConnectionOptions
    {
        $address = $this->profile['address'] ?? self::DEFAULT_ADDRESS;
        $apiKey = $this->profile['api_key'] ?? null;
        $tls = $this->tls();
        if ($apiKey !== null && $tls === false && !str_contains($address, '://')) {
            $address = "http://$address"; // TLS explicitly off: keep the API key from implying it
        }
        $options = ConnectionOptions::new($address)->withApiKey($apiKey)
            ->withMetadata($this->profile['grpc_meta'] ?? []);
        $namespace = $this->profile['namespace'] ?? null;
        if ($namespace !== null) {
            $options = $options->withNamespace($namespace);
        }
        return $options->withTls($tls === false ? null : $tls);
    }

    /** @return TlsOptions|false|null false: explicitly disabled; null: not configured */
    private function tls(): TlsOptions|false|null
    {
        $config = $this->profile['tls'] ?? null;
        if ($config === null) {
            return null;
        }
        if (($config['disabled'] ?? null) === true) {
            return false;
        }
        if ($config['disable_host_verification'] ?? false) {
            throw new \ValueError('TLS without host verification (TEMPORAL_TLS_DISABLE_HOST_VERIFICATION, '
                . 'disable_host_verification) is not supported by this SDK');
        }
        $tls = TlsOptions::new();
        $ca = self::pem($config['server_ca_cert'] ?? null, 'server CA certificate');
        $tls = $ca === null ? $tls : $tls->withServerRootCaCert($ca);
        $serverName = $config['server_name'] ?? null;
        $tls = $serverName === null ? $tls : $tls->withDomain($serverName);
        $cert = self::pem($config['client_cert'] ?? null, 'client certificate');
        $key = self::pem($config['client_key'] ?? null, 'client key');
        if (($cert === null) !== ($key === null)) {
            throw new \ValueError('a TLS client certificate and its key must be configured together');
        }
        return $cert === null ? $tls : $tls->withClientCert($cert, (string) $key);
    }

    /** @param ?array{path?: string, data?: string} $source */
    private static function pem(?array $source, string $what): ?string
    {
        if ($source === null || isset($source['data'])) {
            return $source['data'] ?? null;
        }
        $path = (string) $source['path'];
        $pem = is_file($path) && is_readable($path) ? file_get_contents($path) : false;
        if ($pem === false || $pem === '') {
            throw new \ValueError("TLS $what file \"$path\" does not exist, is empty or is not readable");
        }
        return $pem;
    }
}
