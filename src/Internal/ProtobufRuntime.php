<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * Picks the protobuf runtime the generated API classes run on.
 *
 * The native `protobuf` extension is preferred. Without it, the pure-PHP runtime (the google/protobuf
 * package, or Debian's php-google-protobuf under /usr/share/php) is used: same API, 10x+ slower decoding.
 * The two must never be mixed in one process, so the fallback autoloader is only registered when the
 * extension is absent.
 *
 * @internal
 */
final class ProtobufRuntime
{
    public const NATIVE = 'native';
    public const PURE_PHP = 'php';

    private const DEFAULT_DIR = '/usr/share/php';

    private static bool $fallbackRegistered = false;

    /**
     * Registers an autoloader for the pure-PHP runtime in $dir (default: env PROTOBUF_PHP_RUNTIME_DIR, else
     * /usr/share/php) when the extension is not loaded. It runs after composer's own autoloader, so a
     * composer-installed google/protobuf wins. Never throws: requireRuntime() reports what is missing.
     */
    public static function registerFallback(?string $dir = null): void
    {
        if (self::$fallbackRegistered || \extension_loaded('protobuf')) {
            return;
        }
        $dir ??= getenv('PROTOBUF_PHP_RUNTIME_DIR') ?: self::DEFAULT_DIR;
        if (!is_file("$dir/Google/Protobuf/Internal/Message.php")) {
            return;
        }
        self::registerPsr4('Google\\Protobuf\\', "$dir/Google/Protobuf/");
        self::registerPsr4('GPBMetadata\\Google\\Protobuf\\', "$dir/GPBMetadata/Google/Protobuf/");
        self::$fallbackRegistered = true;
    }

    /**
     * @return self::NATIVE|self::PURE_PHP the runtime this process uses
     * @throws \RuntimeException no usable runtime; the message says what to install
     */
    public static function requireRuntime(): string
    {
        if (\extension_loaded('protobuf')) {
            return self::NATIVE;
        }
        if (!class_exists(\Google\Protobuf\Internal\Message::class)) {
            throw new \RuntimeException(
                'No protobuf runtime: load the protobuf extension (pecl install protobuf), or install the pure-PHP '
                . 'runtime (composer require google/protobuf, or apt-get install php-google-protobuf)',
            );
        }
        // The pure-PHP runtime calls ctype_upper() while building descriptors and bccomp() for JSON timestamps
        // and durations; without them it fails late with "undefined function".
        $missing = array_filter(['ctype', 'bcmath'], static fn (string $ext): bool => !\extension_loaded($ext));
        if ($missing !== []) {
            throw new \RuntimeException(
                'The pure-PHP protobuf runtime needs the extension(s) ' . implode(', ', $missing)
                . ', or load the protobuf extension instead',
            );
        }
        return self::PURE_PHP;
    }

    private static function registerPsr4(string $prefix, string $dir): void
    {
        spl_autoload_register(static function (string $class) use ($prefix, $dir): void {
            if (!str_starts_with($class, $prefix)) {
                return;
            }
            $file = $dir . strtr(substr($class, \strlen($prefix)), '\\', '/') . '.php';
            if (is_file($file)) {
                require $file;
            }
        });
    }
}
