--TEST--
EnvConfig::loadProfile() resolves a temporal.toml profile under the variables; bad requests are ValueErrors
--FILE--
<?php
use TrueAsync\Temporal\Core\EnvConfig;

$file = tempnam(sys_get_temp_dir(), 'toml');
file_put_contents($file, "[profile.prod]\naddress = \"prod:7233\"\n[profile.prod.tls]\nclient_cert_path = \"/c.pem\"\n");
$request = fn (array $fields) => json_encode($fields + ['env' => new stdClass()]);

echo EnvConfig::loadProfile($request(['profile' => 'prod', 'config_file' => $file,
    'env' => ['TEMPORAL_NAMESPACE' => 'ns', 'TEMPORAL_TLS_CLIENT_KEY_DATA' => 'KEY']])), "\n";

foreach ([
    'not json',
    $request(['profil' => 'prod']),
    $request(['profile' => 'nope', 'config_file' => $file]),
    $request(['disable_file' => true, 'disable_env' => true]),
] as $bad) {
    try {
        EnvConfig::loadProfile($bad);
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
unlink($file);
?>
--EXPECTF--
{"address":"prod:7233","namespace":"ns","api_key":null,"tls":{"disabled":null,"client_cert":{"path":"/c.pem"},"client_key":{"data":"KEY"},"server_ca_cert":null,"server_name":null,"disable_host_verification":false},"grpc_meta":{}}
ValueError: invalid envconfig request: expected ident at line 1 column 2
ValueError: invalid envconfig request: unknown field `profil`, expected one of %s
ValueError: Profile 'nope' not found
ValueError: Invalid configuration: Cannot disable both file and environment loading
