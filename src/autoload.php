<?php

// Loaded by composer's autoload.files. Makes a pure-PHP protobuf runtime loadable when neither the protobuf
// extension nor a composer-installed google/protobuf provides one (see Internal\ProtobufRuntime).

declare(strict_types=1);

TrueAsync\Temporal\Internal\ProtobufRuntime::registerFallback();

// psr/log from the distribution (Debian's php-psr-log) when composer did not install one.
if (!interface_exists(Psr\Log\LoggerInterface::class) && is_file('/usr/share/php/Psr/Log/LoggerInterface.php')) {
    spl_autoload_register(static function (string $class): void {
        if (str_starts_with($class, 'Psr\\Log\\')) {
            $file = '/usr/share/php/Psr/Log/' . str_replace('\\', '/', substr($class, 8)) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    });
}
