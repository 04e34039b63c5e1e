<?php

// The bootstrap of the activity-interceptor tests' pool processes: the worker's interceptors do not cross
// into them, so they are added here, with the activities.

declare(strict_types=1);

use TrueAsync\Temporal\Worker\ActivityProcessSetup;

$fixture = require __DIR__ . '/interceptor-activities.php';

return static function (ActivityProcessSetup $setup) use ($fixture): void {
    $fixture['register']($setup);
    $setup->addInterceptors(...$fixture['interceptors']());
};
