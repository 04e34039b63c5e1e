<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Testing;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Operatorservice\V1\ListSearchAttributesRequest;
use TrueAsync\Temporal\Api\Operatorservice\V1\ListSearchAttributesResponse;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Testing\DevServerOptions;
use TrueAsync\Temporal\Testing\WorkflowEnvironment;
use TrueAsync\Temporal\Tests\Integration\Testing\Fixtures\GreetingWorkflow;

/**
 * WorkflowEnvironment::startLocal() runs a dev server of its own (the CLI that scripts/temporal-cli.sh
 * finds), and run() serves a workflow in this process while the test's closure starts, signals and awaits it.
 */
final class WorkflowEnvironmentTest extends TestCase
{
    private static string $cli;

    public static function setUpBeforeClass(): void
    {
        $cli = trim((string) shell_exec(escapeshellarg(\dirname(__DIR__, 3) . '/scripts/temporal-cli.sh') . ' 2>/dev/null'));
        if ($cli === '') {
            self::fail('scripts/temporal-cli.sh found no Temporal CLI');
        }
        self::$cli = $cli;
    }

    public function testALocalServerRunsAWorkflowOfThisProcessWithItsNamespaceAndSearchAttributes(): void
    {
        $env = WorkflowEnvironment::startLocal(DevServerOptions::new()->withExecutable(self::$cli)
            ->withNamespace('env-test')->withSearchAttributes(['OrderId' => 'Keyword']));
        try {
            $env->newWorker('env-queue')->registerWorkflowTypes(GreetingWorkflow::class)
                ->registerActivityCallable('env.greet', static fn (string $greeting, string $name): string => "$greeting, $name!");

            $result = $env->run(function () use ($env): string {
                $handle = $env->getClient()->start('EnvGreeting', ['Hello'],
                    WorkflowOptions::new()->withTaskQueue('env-queue')->withWorkflowId('greeting-1'));
                $handle->signal('name', 'Temporal');
                return $handle->result(timeoutSeconds: 60);
            });

            self::assertSame('Hello, Temporal!', $result);
            self::assertSame('env-test', $env->getClient()->getNamespace());
            $attributes = $env->getClient()->rawCall('OperatorService', 'ListSearchAttributes',
                new ListSearchAttributesRequest(['namespace' => 'env-test']), ListSearchAttributesResponse::class);
            self::assertArrayHasKey('OrderId', iterator_to_array($attributes->getCustomAttributes()));
            $address = $env->getAddress();
        } finally {
            $env->shutdown();
        }

        $this->expectException(\Throwable::class);
        Client::connect(ConnectionOptions::new($address)->withConnectTimeout(2))->countWorkflows();
    }

    public function testWhatTheClosureThrowsComesOutOfRunAndTheWorkersStop(): void
    {
        $env = WorkflowEnvironment::fromClient(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
        $env->newWorker('env-failing-' . bin2hex(random_bytes(4)))->registerWorkflowTypes(GreetingWorkflow::class);

        try {
            $env->run(static fn () => throw new \DomainException('the test failed'));
            self::fail('no exception');
        } catch (\DomainException $e) {
            self::assertSame('the test failed', $e->getMessage());
        }
        self::assertNull($env->getAddress(), 'fromClient() starts no server');
        self::assertSame(7, $env->run(static fn (): int => 7), 'a run with no workers just runs the closure');
    }

    public function testACliThatCannotRunIsAClearError(): void
    {
        $this->expectException(\RuntimeException::class);
        $this->expectExceptionMessageMatches('/exited at start|cannot run/');
        WorkflowEnvironment::startLocal(DevServerOptions::new()->withExecutable('/nonexistent/temporal'));
    }
}
