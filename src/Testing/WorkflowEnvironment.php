<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Testing\Internal\ServerProcess;
use TrueAsync\Temporal\Testing\Internal\TimeSkipping;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
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

    private function __construct(
        private readonly Client $client,
        private readonly ?ServerProcess $server,
        private readonly ?TimeSkipping $timeSkipping = null,
    ) {
        $this->workers = WorkerFactory::create($client);
    }

    /**
     * Starts the Temporal CLI's dev server (in memory, free ports) and connects to it.
     *
     * @throws \RuntimeException the CLI cannot be run, or the server does not serve in time (its output attached)
     */
    public static function startLocal(?DevServerOptions $options = null): self
    {
        $options ??= DevServerOptions::new();
        $ports = ServerProcess::freePorts($options->hasUi() ? 4 : 3);
        [$server, $client] = ServerProcess::start(
            $options->command($ports[0], $ports[1], $ports[2], $ports[3] ?? null),
            "127.0.0.1:$ports[0]",
            $options->getNamespace(),
            $options->getStartTimeout(),
            // The namespace exists and visibility answers: start-dev registers the namespace after it serves.
            static fn (Client $client) => $client->countWorkflows(),
            isset($ports[3]) ? "http://127.0.0.1:$ports[3]" : null,
        );
        return new self($client, $server);
    }

    /**
     * Starts Temporal's time-skipping test server (Java) and connects to it. Time skips while the environment's
     * client waits for a workflow's result and in sleep(): a workflow that sleeps 30 days ends in moments. That
     * server has no visibility (list and count workflows) and no schedules.
     *
     * @throws \RuntimeException no classpath, `java` cannot run, or the server does not serve in time
     */
    public static function startTimeSkipping(?TestServerOptions $options = null): self
    {
        $options ??= TestServerOptions::new();
        [$port] = ServerProcess::freePorts(1);
        [$server, $client] = ServerProcess::start(
            $options->command($port),
            "127.0.0.1:$port",
            'default',
            $options->getStartTimeout(),
            static fn (Client $client) => (new TimeSkipping($client))->now(),
        );
        $timeSkipping = new TimeSkipping($client);
        return new self($client->withInterceptors($timeSkipping), $server, $timeSkipping);
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

    /** Whether time skips (startTimeSkipping()). */
    public function supportsTimeSkipping(): bool
    {
        return $this->timeSkipping !== null;
    }

    /**
     * Lets $seconds pass: on the time-skipping server at once, by moving its clock; elsewhere in real time
     * (inside run(), only the calling Fiber waits).
     *
     * @throws \ValueError $seconds is negative, NaN or infinite
     */
    public function sleep(float $seconds): void
    {
        ProtoTime::seconds($seconds, 'WorkflowEnvironment::sleep()');
        if ($this->timeSkipping !== null) {
            $this->timeSkipping->sleep($seconds);
        } elseif (($scheduler = FiberScheduler::current()) !== null) {
            $scheduler->sleep($seconds);
        } else {
            usleep((int) ($seconds * 1_000_000));
        }
    }

    /** The server's time: the skipped clock of the time-skipping server, the system's otherwise. */
    public function getCurrentTime(): \DateTimeImmutable
    {
        return $this->timeSkipping?->now() ?? new \DateTimeImmutable();
    }

    /** Stops the server startLocal() or startTimeSkipping() started (nothing for fromClient()). */
    public function shutdown(): void
    {
        $this->server?->stop();
    }
}
