<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/**
 * TLS settings of a connection: the CA to trust, the server name to expect and an optional client
 * certificate (mTLS). Immutable: every with*() returns a copy. PEM files are read when passed in.
 */
final class TlsOptions
{
    private ?string $serverRootCaCert = null;
    private ?string $domain = null;
    private ?string $clientCert = null;
    private ?string $clientPrivateKey = null;

    /** TLS with the system's trusted CAs and no client certificate. */
    public static function new(): self
    {
        return new self();
    }

    /** Trust this CA (PEM) instead of the system's roots. */
    public function withServerRootCaCert(string $pem): self
    {
        $copy = clone $this;
        $copy->serverRootCaCert = $pem;
        return $copy;
    }

    /**
     * Trust the CA in this PEM file instead of the system's roots.
     *
     * @throws \ValueError the file cannot be read
     */
    public function withServerRootCaCertFile(string $path): self
    {
        return $this->withServerRootCaCert(self::readPem($path, 'server root CA certificate'));
    }

    /** The name the server's certificate must carry, when it differs from the address's host. */
    public function withDomain(string $domain): self
    {
        $copy = clone $this;
        $copy->domain = $domain;
        return $copy;
    }

    /** Authenticate with this client certificate and its private key (both PEM): mTLS. */
    public function withClientCert(string $certPem, #[\SensitiveParameter] string $privateKeyPem): self
    {
        $copy = clone $this;
        $copy->clientCert = $certPem;
        $copy->clientPrivateKey = $privateKeyPem;
        return $copy;
    }

    /**
     * Authenticate with the client certificate and private key in these PEM files: mTLS.
     *
     * @throws \ValueError a file cannot be read
     */
    public function withClientCertFiles(string $certPath, string $privateKeyPath): self
    {
        return $this->withClientCert(
            self::readPem($certPath, 'client certificate'),
            self::readPem($privateKeyPath, 'client private key'),
        );
    }

    /** @return array<string, ?string> what var_dump() and print_r() show: never the private key */
    public function __debugInfo(): array
    {
        $debug = get_object_vars($this);
        $debug['clientPrivateKey'] = $this->clientPrivateKey === null ? null : '***';
        return $debug;
    }

    public function getServerRootCaCert(): ?string
    {
        return $this->serverRootCaCert;
    }

    public function getDomain(): ?string
    {
        return $this->domain;
    }

    public function getClientCert(): ?string
    {
        return $this->clientCert;
    }

    public function getClientPrivateKey(): ?string
    {
        return $this->clientPrivateKey;
    }

    /**
     * The "tls" object of the connect options document.
     *
     * @internal
     * @return array<string, ?string>
     */
    public function toArray(): array
    {
        return [
            'server_root_ca_cert' => $this->serverRootCaCert,
            'domain' => $this->domain,
            'client_cert' => $this->clientCert,
            'client_private_key' => $this->clientPrivateKey,
        ];
    }

    private static function readPem(string $path, string $what): string
    {
        $pem = is_file($path) && is_readable($path) ? file_get_contents($path) : false;
        if ($pem === false || $pem === '') {
            throw new \ValueError("The $what file \"$path\" does not exist, is empty or is not readable");
        }
        return $pem;
    }
}
