<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

/**
 * Where activities are registered: a Worker (activities run in the worker process) or, in each process of a
 * ProcessPoolActivityExecutor, its ActivityProcessSetup. One registration function typed on this interface
 * serves both, so moving activities into a pool changes the executor, not the registration code.
 */
interface ActivityRegistrar
{
    /**
     * Registers the activities of objects whose class or interfaces carry #[ActivityInterface].
     *
     * @throws \LogicException an object has no activity interface, or a type name is taken
     */
    public function registerActivity(object ...$implementations): static;

    /** @throws \LogicException $name is taken or empty */
    public function registerActivityCallable(string $name, callable $handler): static;

    /**
     * Handles every activity type not registered otherwise: $handler(string $type, EncodedArguments $args).
     *
     * @throws \LogicException a dynamic activity is already registered
     */
    public function registerDynamicActivity(callable $handler): static;
}
