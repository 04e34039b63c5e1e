<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Plugin;

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Worker\WorkerOptions;

/**
 * What an integration (a tracing library, a tenant scheme, an encryption codec) brings to an application in
 * one object, given once to Client::connect(..., plugins: [...]): it adjusts the connection options and the
 * data converter before the client connects, adds interceptors to the client and every worker built on it,
 * and adjusts each worker's options. Plugins apply in the order given. Use PluginTrait for the parts a
 * plugin leaves as they are.
 */
interface Plugin
{
    /** A name for errors and logs, e.g. "acme.tracing". */
    public function getName(): string;

    /** The connection options Client::connect() uses: $options, or a changed copy. */
    public function configureConnection(ConnectionOptions $options): ConnectionOptions;

    /** The client's data converter: $converter, or a changed copy (a codec added, say). */
    public function configureDataConverter(DataConverter $converter): DataConverter;

    /**
     * Interceptors of the client and of every worker built on it, run outside those given later (by later
     * plugins, Client::withInterceptors() and WorkerOptions::withInterceptors()).
     *
     * @return list<Interceptor>
     */
    public function getInterceptors(): array;

    /** The options of a worker WorkerFactory::newWorker() builds on the client: $options, or a changed copy. */
    public function configureWorker(string $taskQueue, WorkerOptions $options): WorkerOptions;
}
