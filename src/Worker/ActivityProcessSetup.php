<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Worker\Internal\ActivityRegistry;

/**
 * What a ProcessPoolActivityExecutor's bootstrap closure receives in each activity process: register the
 * activities there as on a Worker (both are ActivityRegistrars), set the data converter when the client
 * uses another than the default, and add the activity interceptors the activities run through there.
 */
final class ActivityProcessSetup implements ActivityRegistrar
{
    private readonly ActivityRegistry $registry;
    private DataConverter $converter;
    /** @var list<Interceptor> */
    private array $interceptors = [];

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

    /**
     * Adds interceptors for the activities of this process (the first outermost; calls add after the ones
     * before). The worker's and client's interceptors are objects of the worker process and do not reach
     * here: the activity ones (ActivityInboundInterceptor, ActivityOutboundInterceptor) a pool's activities
     * should run through are added here; other kinds are ignored.
     */
    public function addInterceptors(Interceptor ...$interceptors): self
    {
        array_push($this->interceptors, ...array_values($interceptors));
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

    /**
     * @internal
     * @return list<Interceptor>
     */
    public function getInterceptors(): array
    {
        return $this->interceptors;
    }
}
