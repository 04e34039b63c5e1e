<?php

// For scripts outside the SDK (bench/): composer's autoloader, which makes the generated Temporal API classes
// and a protobuf runtime loadable (src/Internal/ProtobufRuntime.php picks it), plus useProtobufRuntime().

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests;

use TrueAsync\Temporal\Internal\ProtobufRuntime;

$autoload = \dirname(__DIR__) . '/vendor/autoload.php';
if (!is_file($autoload)) {
    throw new \RuntimeException("$autoload is missing: run composer dump-autoload");
}
require_once $autoload;

/**
 * @return 'native'|'php' the protobuf runtime this process uses
 * @throws \RuntimeException when neither runtime is available
 */
function useProtobufRuntime(): string
{
    return ProtobufRuntime::requireRuntime();
}

useProtobufRuntime();
