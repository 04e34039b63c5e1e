<?php

// PHPUnit bootstrap: the temporal extension, composer's autoloader (composer dump-autoload), the generated API
// classes (scripts/generate-api.sh) and a protobuf runtime must all be there; say which one is missing.

declare(strict_types=1);

$root = dirname(__DIR__);
$fail = static function (string $message): never {
    fwrite(STDERR, "tests/bootstrap.php: $message\n");
    exit(1);
};

if (!extension_loaded('temporal')) {
    $fail('the temporal extension is not loaded: build it with scripts/build-ext.sh and run '
        . 'php -d extension=build/ext/modules/temporal.so /usr/bin/phpunit');
}
if (!is_file("$root/vendor/autoload.php")) {
    $fail('vendor/autoload.php is missing: run composer dump-autoload');
}
if (!is_dir("$root/gen/TrueAsync/Temporal/Api")) {
    $fail('gen/TrueAsync/Temporal/Api is missing: run scripts/generate-api.sh');
}
$loader = require "$root/vendor/autoload.php";
// composer.json's autoload-dev, which a plain `composer dump-autoload` skips until a dev install has been made.
$loader->addPsr4('TrueAsync\\Temporal\\Tests\\', __DIR__ . '/');

try {
    TrueAsync\Temporal\Internal\ProtobufRuntime::requireRuntime();
} catch (RuntimeException $e) {
    $fail($e->getMessage());
}
