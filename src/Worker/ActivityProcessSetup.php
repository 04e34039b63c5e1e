<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Worker\Internal\ActivityRegistry;

/**
 * What a ProcessPoolActivityExecutor's bootstrap closure receives in each activity process: register the
 * activities there as on a Worker (both are ActivityRegistrars), and set the data converter when the client
 * uses another than the default.
 */
final class ActivityProcessSetup implements ActivityRegistrar
{
    private readonly ActivityRegistry $registry;
    private DataConverter $converter;

    /** @internal */
    public function __construct()
    {
        $this->registry = new ActivityRegistry();
        $this->converter = DataConverter::default();
    }

    public function registerActivity(object ...$implementations): static
    {
        foreach ($implementations as $implementation) {
            $this->registry->registerObject($implementation);
        }
        return $this;
    }

    public function registerActivityCallable(string $name, callable $handler): static
    {
        $this->registry->registerCallable($name, $handler);
        return $this;
    }

    public function registerDynamicActivity(callable $handler): static
    {
        $this->registry->registerDynamic($handler);
        return $this;
    }

    /** The converter of the client the worker runs on, when it is not DataConverter::default(). */
    public function setDataConverter(DataConverter $converter): self
    {
        $this->converter = $converter;
        return $this;
    }

    /** @internal */
    public function getRegistry(): ActivityRegistry
    {
        return $this->registry;
    }

    /** @internal */
    public function getDataConverter(): DataConverter
    {
        return $this->converter;
    }
}
