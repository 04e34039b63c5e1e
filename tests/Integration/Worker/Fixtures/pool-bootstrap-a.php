<?php

// The activities of the executor tests' first task queue: the bootstrap of its pool's processes, and what
// the Fiber worker registers on its Worker (both are ActivityRegistrars).

declare(strict_types=1);

use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\TestActivities;
use TrueAsync\Temporal\Worker\ActivityRegistrar;

require_once __DIR__ . '/../../../bootstrap.php';

return static function (ActivityRegistrar $registrar): void {
    TestActivities::$bootstrapPid = getmypid();
    $registrar->registerActivity(new TestActivities())
        ->registerActivityCallable('php.add', fn (int $a, int $b): int => $a + $b)
        ->registerDynamicActivity(fn (string $type, EncodedArguments $args): string =>
            "dynamic $type(" . json_encode($args->getValues()) . ')');
};
