<?php

// Connection options of the TLS scenario's PHP programs, from their command line:
//   --address HOST:PORT [--ca PEM_FILE] [--domain NAME] [--client-cert PEM_FILE --client-key PEM_FILE]
// The API key is read from the environment variable TLS_SCENARIO_API_KEY (never from argv, which `ps` shows).

declare(strict_types=1);

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\TlsOptions;

require __DIR__ . '/../../vendor/autoload.php';

const TLS_CONNECTION_FLAGS = ['address:', 'ca:', 'domain:', 'client-cert:', 'client-key:'];

/** @param array<string, string|false|list<string|false>> $opts getopt()'s answer for TLS_CONNECTION_FLAGS */
function tlsConnectionOptions(array $opts): ConnectionOptions
{
    if (!isset($opts['address'])) {
        fwrite(STDERR, "missing --address\n");
        exit(2);
    }
    $tls = TlsOptions::new();
    if (isset($opts['ca'])) {
        $tls = $tls->withServerRootCaCertFile((string) $opts['ca']);
    }
    if (isset($opts['domain'])) {
        $tls = $tls->withDomain((string) $opts['domain']);
    }
    if (isset($opts['client-cert'], $opts['client-key'])) {
        $tls = $tls->withClientCertFiles((string) $opts['client-cert'], (string) $opts['client-key']);
    }
    $apiKey = getenv('TLS_SCENARIO_API_KEY');
    return ConnectionOptions::new((string) $opts['address'])
        ->withTls($tls)
        ->withApiKey($apiKey === false || $apiKey === '' ? null : $apiKey)
        ->withConnectTimeout(20);
}
