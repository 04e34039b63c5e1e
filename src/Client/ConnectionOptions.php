<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Internal\EnvironmentConfig;
use TrueAsync\Temporal\Internal\HttpConnectProxy;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Seconds;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Version;

/**
 * Where and how a Client connects: address, namespace, identity, TLS, API key, gRPC metadata, retries, the
 * calls' default timeout, the connect timeout and an HTTP CONNECT proxy. Immutable: every with*() returns a copy.
 */
final class ConnectionOptions
{
    private string $namespace = 'default';
    private string $identity;
    private ?TlsOptions $tls = null;
    private ?string $apiKey = null;
    /** @var array<string, string> */
    private array $metadata = [];
    private ?RpcRetryOptions $rpcRetryOptions;
    private ?float $rpcTimeout = null;
    private float $connectTimeout = 0.0;
    private ?HttpConnectProxy $httpConnectProxy = null;

    private function __construct(private string $address)
    {
        $this->identity = getmypid() . '@' . gethostname();
        $this->rpcRetryOptions = RpcRetryOptions::new();
    }

    /**
     * @param string $address host:port of the frontend; http:// or https:// may be prefixed
     * @throws \ValueError $address is empty
     */
    public static function new(string $address): self
    {
        return new self(self::notEmpty($address, 'address'));
    }

    /**
     * Options as every Temporal SDK and the CLI resolve them (the core's envconfig): a profile of the TOML
     * config file, then the environment variables on top. The file is $configFile, else TEMPORAL_CONFIG_FILE,
     * else ~/.config/temporalio/temporal.toml (no file is fine); the profile is $profile, else
     * TEMPORAL_PROFILE, else "default". Variables: TEMPORAL_ADDRESS (default localhost:7233),
     * TEMPORAL_NAMESPACE (default "default"), TEMPORAL_API_KEY (implies TLS), TEMPORAL_TLS (true/false/1/0),
     * TEMPORAL_TLS_CLIENT_CERT_PATH|_DATA, TEMPORAL_TLS_CLIENT_KEY_PATH|_DATA,
     * TEMPORAL_TLS_SERVER_CA_CERT_PATH|_DATA, TEMPORAL_TLS_SERVER_NAME and TEMPORAL_GRPC_META_<NAME> (header
     * <name>, lowercased, "_" as "-"). A profile's codec settings are for the CLI and the Web UI.
     *
     * @param ?array<string, string> $env the variables; null: this process's getenv()
     * @param bool $strict reject unknown keys in the config file
     * @throws \ValueError the file is missing or invalid, a profile named explicitly does not exist, or a
     *                     setting cannot be used: both _PATH and _DATA set, an unreadable PEM file, a client
     *                     certificate without its key, or TLS without host verification
     */
    public static function fromEnvironment(
        ?array $env = null,
        ?string $profile = null,
        ?string $configFile = null,
        bool $strict = false,
    ): self {
        return EnvironmentConfig::load($env ?? getenv(), $profile, $configFile, $strict)->toOptions();
    }

    /** @throws \ValueError $namespace is empty */
    public function withNamespace(string $namespace): self
    {
        $copy = clone $this;
        $copy->namespace = self::notEmpty($namespace, 'namespace');
        return $copy;
    }

    /**
     * The name the server records for this client's calls; default "<pid>@<hostname>".
     *
     * @throws \ValueError $identity is empty
     */
    public function withIdentity(string $identity): self
    {
        $copy = clone $this;
        $copy->identity = self::notEmpty($identity, 'identity');
        return $copy;
    }

    /** Connect over TLS (implied by an API key); null turns it off. */
    public function withTls(?TlsOptions $tls): self
    {
        $copy = clone $this;
        $copy->tls = $tls;
        return $copy;
    }

    /**
     * Authenticate with this API key (Temporal Cloud); null removes it.
     *
     * @throws \ValueError the key is empty or has characters a gRPC header cannot carry (the message omits it)
     */
    public function withApiKey(#[\SensitiveParameter] ?string $apiKey): self
    {
        if ($apiKey !== null && preg_match('/\A[\x21-\x7e]+\z/', $apiKey) !== 1) {
            throw new \ValueError('ConnectionOptions::withApiKey(): the key must be non-empty printable ASCII '
                . 'without spaces (null removes it)');
        }
        $copy = clone $this;
        $copy->apiKey = $apiKey;
        return $copy;
    }

    /**
     * gRPC headers sent with every call. Values of names ending in "-bin" are raw bytes.
     *
     * @param array<string, string> $metadata header name => value
     * @throws \TypeError a name or value is not a string
     */
    public function withMetadata(#[\SensitiveParameter] array $metadata): self
    {
        foreach ($metadata as $name => $value) {
            if (!\is_string($name) || !\is_string($value)) {
                throw new \TypeError('ConnectionOptions::withMetadata(): every header name and value must be a string');
            }
        }
        $copy = clone $this;
        $copy->metadata = $metadata;
        return $copy;
    }

    /**
     * How the core retries a call that failed with a transient gRPC status; default RpcRetryOptions::new()
     * (the core's defaults).
     *
     * @param ?RpcRetryOptions $retryOptions null: never retry
     * @throws \ValueError its max interval is less than its initial interval
     */
    public function withRpcRetryOptions(?RpcRetryOptions $retryOptions): self
    {
        $retryOptions?->toArray(); // checks what no single with*() of it can
        $copy = clone $this;
        $copy->rpcRetryOptions = $retryOptions;
        return $copy;
    }

    /**
     * The deadline of every call of the clients made with these options (their own withRpcTimeout() overrides
     * it), their retries included: past it a call throws DeadlineExceededException. Long polls (waiting for a
     * workflow's or an update's result) are bounded by their own timeout parameter instead.
     *
     * @param ?float $timeoutSeconds null (the default): none
     * @throws \ValueError $timeoutSeconds is NaN, infinite, negative or zero
     */
    public function withRpcTimeout(?float $timeoutSeconds): self
    {
        $copy = clone $this;
        $copy->rpcTimeout = $timeoutSeconds === null
            ? null
            : Seconds::positive($timeoutSeconds, 'ConnectionOptions::withRpcTimeout(): $timeoutSeconds');
        return $copy;
    }

    /**
     * Give up connecting after this many seconds; 0 (the default) waits as long as the OS does.
     *
     * @throws \ValueError $seconds is negative
     */
    public function withConnectTimeout(float $seconds): self
    {
        $copy = clone $this;
        $copy->connectTimeout = ProtoTime::seconds($seconds, 'ConnectionOptions::withConnectTimeout()');
        return $copy;
    }

    /**
     * Reach the server through this HTTP CONNECT proxy: the core asks the proxy for a tunnel to the address
     * (TLS, when set, runs end to end inside it). null connects directly.
     *
     * @param ?string $address host:port of the proxy, without a scheme ("proxy.internal:3128", "[::1]:8888")
     * @param ?string $basicAuthUser with $basicAuthPassword: HTTP basic auth sent to the proxy
     * @throws \ValueError the address is not host:port, only one of user and password is given, either is empty
     *                     or not UTF-8, or the user contains ":"; the message never shows the password
     */
    public function withHttpConnectProxy(
        ?string $address,
        ?string $basicAuthUser = null,
        #[\SensitiveParameter] ?string $basicAuthPassword = null,
    ): self {
        $copy = clone $this;
        $copy->httpConnectProxy = HttpConnectProxy::of($address, $basicAuthUser, $basicAuthPassword);
        return $copy;
    }

    /**
     * What var_dump() and print_r() show: never a secret — the API key, header values (an authorization
     * header, say), the TLS client key and the proxy password are masked.
     *
     * @return array<string, mixed>
     */
    public function __debugInfo(): array
    {
        $debug = get_object_vars($this);
        $debug['apiKey'] = $this->apiKey === null ? null : '***';
        $debug['metadata'] = array_map(static fn (): string => '***', $this->metadata);
        return $debug;
    }

    public function getAddress(): string
    {
        return $this->address;
    }

    public function getNamespace(): string
    {
        return $this->namespace;
    }

    public function getIdentity(): string
    {
        return $this->identity;
    }

    public function getApiKey(): ?string
    {
        return $this->apiKey;
    }

    public function getTls(): ?TlsOptions
    {
        return $this->tls;
    }

    /** host:port of the HTTP CONNECT proxy, or null when the client connects directly. */
    public function getHttpConnectProxyAddress(): ?string
    {
        return $this->httpConnectProxy?->address;
    }

    /** @return array<string, string> */
    public function getMetadata(): array
    {
        return $this->metadata;
    }

    /** null: calls are never retried. */
    public function getRpcRetryOptions(): ?RpcRetryOptions
    {
        return $this->rpcRetryOptions;
    }

    /** The default deadline of a call, in seconds; null: none. */
    public function getRpcTimeout(): ?float
    {
        return $this->rpcTimeout;
    }

    /**
     * The connect options document of docs/DESIGN.md.
     *
     * @internal
     * @throws \JsonException a PEM, key or header value is not valid UTF-8
     */
    public function toJson(): string
    {
        $metadata = [];
        foreach ($this->metadata as $name => $value) {
            $metadata[$name] = str_ends_with($name, '-bin') ? base64_encode($value) : $value;
        }
        return json_encode([
            'target' => $this->address,
            'identity' => $this->identity,
            'client_name' => Version::SDK_NAME,
            'client_version' => Version::SDK_VERSION,
            'api_key' => $this->apiKey,
            'tls' => $this->tls?->toArray(),
            'metadata' => (object) $metadata,
            'retry' => $this->rpcRetryOptions?->toArray(),
            'connect_timeout_ms' => (int) ceil($this->connectTimeout * 1000),
            'http_connect_proxy' => $this->httpConnectProxy?->toArray(),
        ], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    private static function notEmpty(string $value, string $name): string
    {
        if (trim($value) === '') {
            throw new \ValueError("ConnectionOptions: the $name must not be empty");
        }
        return Utf8::check($value, "ConnectionOptions: the $name");
    }
}
