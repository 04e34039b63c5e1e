<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Plugin;

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Worker\WorkerOptions;

/** The parts of a Plugin that leave everything as it is: a plugin overrides only what it changes. */
trait PluginTrait
{
    public function configureConnection(ConnectionOptions $options): ConnectionOptions
    {
        return $options;
    }

    public function configureDataConverter(DataConverter $converter): DataConverter
    {
        return $converter;
    }

    public function getInterceptors(): array
    {
        return [];
    }

    public function configureWorker(string $taskQueue, WorkerOptions $options): WorkerOptions
    {
        return $options;
    }
}
