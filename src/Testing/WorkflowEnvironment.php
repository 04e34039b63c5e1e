<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Testing\Internal\DevServerProcess;
use TrueAsync\Temporal\Worker\Worker;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

/**
 * A Temporal server for tests, with a client and workers that run in the test's own process:
 *
 *     $env = WorkflowEnvironment::startLocal();
 *     $env->newWorker('orders')->registerWorkflowTypes(OrderWorkflow::class)->registerActivity(new Shipping());
 *     $result = $env->run(fn () => $env->getClient()->start('Order', [42], $options)->result());
 *     $env->shutdown();
 *
 * run() runs the workers while the closure runs, then stops them: the closure's client calls suspend only its
 * Fiber, so one process starts, serves and awaits a workflow.
 */
final class WorkflowEnvironment
{
    private WorkerFactory $workers;

    private function __construct(private readonly Client $client, private readonly ?DevServerProcess $server)
    {
        $this->workers = WorkerFactory::create($client);
    }

    /**
     * Starts the Temporal CLI's dev server (in memory, free ports) and connects to it.
     *
     * @throws \RuntimeException the CLI cannot be run, or the server does not serve in time (its output attached)
     */
    public static function startLocal(?DevServerOptions $options = null): self
    {
        [$server, $client] = DevServerProcess::start($options ?? DevServerOptions::new());
        return new self($client, $server);
    }

    /** An environment on a server that something else runs; shutdown() leaves that server alone. */
    public static function fromClient(Client $client): self
    {
        return new self($client, null);
    }

    public function getClient(): Client
    {
        return $this->client;
    }

    /** "127.0.0.1:PORT", the server's gRPC address. */
    public function getAddress(): ?string
    {
        return $this->server?->address;
    }

    /** The Web UI's address when DevServerOptions::withUi() asked for it. */
    public function getUiAddress(): ?string
    {
        return $this->server?->uiAddress;
    }

    /** A worker on the environment's client, run by the next run(). */
    public function newWorker(string $taskQueue, ?WorkerOptions $options = null): Worker
    {
        return $this->workers->newWorker($taskQueue, $options);
    }

    /**
     * Runs the workers of newWorker() while $test runs, then shuts them down gracefully and returns what $test
     * returned. Workers made after this call run at the next one.
     *
     * @template T
     * @param \Closure(): T $test
     * @return T
     * @throws \Throwable the first error that stopped a worker, else what $test threw
     */
    public function run(\Closure $test): mixed
    {
        $workers = $this->workers;
        $this->workers = WorkerFactory::create($this->client);
        return $workers->runUntil($test);
    }

    /** Stops the server startLocal() started (nothing for fromClient()). */
    public function shutdown(): void
    {
        $this->server?->stop();
    }
}
