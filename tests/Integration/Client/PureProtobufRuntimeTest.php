<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** The client works on the pure-PHP protobuf runtime, in a PHP process without the protobuf extension. */
final class PureProtobufRuntimeTest extends ServerTestCase
{
    private const SCRIPT = __DIR__ . '/fixtures/pure-php-round-trip.php';
    private const DEFAULT_EXT_SO = __DIR__ . '/../../../build/ext/modules/temporal.so';

    public function testStartAndResultRoundTripWithoutTheProtobufExtension(): void
    {
        $command = [
            \PHP_BINARY, '-n',
            '-d', 'extension=' . self::extensionPath(),
            '-d', 'extension=ctype',
            '-d', 'extension=bcmath',
            // The 3.21 pure-PHP runtime creates dynamic properties, deprecated since PHP 8.2.
            '-d', 'error_reporting=' . (\E_ALL & ~\E_DEPRECATED),
            '-d', 'display_errors=stderr',
            self::SCRIPT, self::taskQueue(),
        ];
        [$exitCode, $stdout, $stderr] = self::runProcess($command);

        $this->assertSame(0, $exitCode, "stdout:\n$stdout\nstderr:\n$stderr");
        $this->assertSame("runtime: php\nresult: [\"pure\",\"php\",3,{\"k\":1.25}]\n", $stdout, $stderr);
    }

    private static function extensionPath(): string
    {
        $path = getenv('TEMPORAL_EXT_SO') ?: self::DEFAULT_EXT_SO;
        if (!is_file($path)) {
            self::fail("temporal.so not found at $path: build it with scripts/build-ext.sh or set TEMPORAL_EXT_SO");
        }
        return $path;
    }
}
