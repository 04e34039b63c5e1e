<?php

// The activities of the executor tests' second task queue (see pool-bootstrap-a.php).

declare(strict_types=1);

use TrueAsync\Temporal\Activity;

require_once __DIR__ . '/../../../bootstrap.php';

return static function (object $registrar): void {
    $registrar->registerActivityCallable('php.whichQueue', fn (): string => Activity::getInfo()->taskQueue);
};
