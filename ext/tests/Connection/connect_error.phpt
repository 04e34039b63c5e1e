--TEST--
Connection::connect() turns every bad option into a ValueError with the bridge's message, a refused address into ConnectionException
--FILE--
<?php
use TrueAsync\Temporal\Core\Connection;

function options(array $overrides): string
{
    return json_encode($overrides + ['target' => '127.0.0.1:1', 'identity' => 'ext-tests', 'retry' => null]);
}

function retry(array $overrides): array
{
    return $overrides + ['initial_interval_ms' => 100, 'randomization_factor' => 0.2, 'multiplier' => 1.7,
        'max_interval_ms' => 5000, 'max_elapsed_time_ms' => 10000, 'max_retries' => 9];
}

foreach ([
    'empty options' => '',
    'malformed JSON' => '{"target":',
    'not an object' => '[]',
    'missing identity' => '{"target":"127.0.0.1:1"}',
    'empty identity' => options(['identity' => '']),
    'unknown option' => options(['colour' => 'blue']),
    'wrong option type' => options(['retry' => 'yes']),
    'retry multiplier below 1' => options(['retry' => retry(['multiplier' => 0.5])]),
    'retry max interval below the initial' => options(['retry' => retry(['max_interval_ms' => 10])]),
    'negative retries' => options(['retry' => retry(['max_retries' => -1])]),
    'incomplete retry' => options(['retry' => ['max_retries' => 1]]),
    'empty target' => options(['target' => '']),
    'malformed target' => options(['target' => 'not an address']),
    'target without port' => options(['target' => 'localhost']),
    'unsupported scheme' => options(['target' => 'ftp://localhost:7233']),
    'CA that is not PEM' => options(['tls' => ['server_root_ca_cert' => 'not a certificate']]),
    'client cert without key' => options(['tls' => ['client_cert' => 'not a certificate']]),
    'unknown TLS option' => options(['tls' => ['verify' => false]]),
    'metadata with a newline' => options(['metadata' => ['x-team' => "a\nb"]]),
    'invalid header name' => options(['metadata' => ['bad header' => 'x']]),
    'proxy without port' => options(['http_connect_proxy' => ['address' => 'proxy.internal']]),
    'proxy password without user' => options(['http_connect_proxy' => ['address' => 'p:1', 'basic_auth_password' => 'pw-77']]),
    'connection refused' => options([]),
] as $case => $json) {
    try {
        Connection::connect($json);
        echo "$case: connected\n";
    } catch (Throwable $e) {
        echo "$case: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

foreach ([fn() => new Connection(), fn() => Connection::connect(), fn() => Connection::connect('{}', 'token')] as $attempt) {
    try {
        $attempt();
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
empty options: ValueError: invalid connect options: EOF while parsing a value at line 1 column 0
malformed JSON: ValueError: invalid connect options: EOF while parsing a value at line 1 column 10
not an object: ValueError: invalid connect options: invalid length 0, expected struct ConnectOptions with 10 elements at line 1 column 2
missing identity: ValueError: invalid connect options: missing field `identity` at line 1 column 24
empty identity: ValueError: invalid connect options: identity must not be empty
unknown option: ValueError: invalid connect options: unknown field `colour`, expected one of `target`, `identity`, `client_name`, `client_version`, `api_key`, `tls`, `metadata`, `retry`, `connect_timeout_ms`, `http_connect_proxy` at line 1 column 9
wrong option type: ValueError: invalid connect options: invalid type: string "yes", expected struct RetryConfig at line 1 column 14
retry multiplier below 1: ValueError: invalid connect options: retry.multiplier must be a finite number >= 1, got 0.5
retry max interval below the initial: ValueError: invalid connect options: retry.max_interval_ms (10) must not be less than initial_interval_ms (100)
negative retries: ValueError: invalid connect options: invalid value: integer `-1`, expected u64 at line 1 column 26
incomplete retry: ValueError: invalid connect options: missing field `initial_interval_ms` at line 1 column 26
empty target: ValueError: invalid connect options: target address must not be empty
malformed target: ValueError: invalid target address "not an address": invalid international domain name
target without port: ValueError: invalid target address "localhost": expected host:port (optionally with http:// or https://)
unsupported scheme: ValueError: invalid target address "ftp://localhost:7233": expected host:port (optionally with http:// or https://)
CA that is not PEM: ValueError: invalid TLS options: tls.server_root_ca_cert contains no PEM certificate
client cert without key: ValueError: invalid TLS options: client_cert and client_private_key go together
unknown TLS option: ValueError: invalid connect options: unknown field `verify`, expected one of `server_root_ca_cert`, `domain`, `client_cert`, `client_private_key` at line 1 column 16
metadata with a newline: ValueError: metadata "x-team" has a value that is not a valid gRPC header value (printable ASCII, no newlines)
invalid header name: ValueError: metadata key "bad header" is not a valid gRPC header name
proxy without port: ValueError: invalid connect options: http_connect_proxy: the address "proxy.internal" is not host:port
proxy password without user: ValueError: invalid connect options: http_connect_proxy: basic auth needs a user (without ":") and a password, both non-empty
connection refused: TrueAsync\Temporal\Core\ConnectionException: cannot connect to Temporal: transport error: tcp connect error: Connection refused (os error 111)
Error: Call to private TrueAsync\Temporal\Core\Connection::__construct() from global scope
ArgumentCountError: TrueAsync\Temporal\Core\Connection::connect() expects at least 1 argument, 0 given
TypeError: TrueAsync\Temporal\Core\Connection::connect(): Argument #2 ($cancel) must be of type ?TrueAsync\Temporal\Core\CancellationToken, string given
