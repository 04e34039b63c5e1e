<?php

// The activities of the executor tests' second task queue (see pool-bootstrap-a.php).

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Worker\ActivityRegistrar;

require_once __DIR__ . '/../../../bootstrap.php';

return static function (ActivityRegistrar $registrar): void {
    $registrar->registerActivityCallable('php.whichQueue', fn (): string => Activity::getInfo()->taskQueue);
};
