<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class ConnectFromEnvironmentTest extends ServerTestCase
{
    public function testAClientConnectedFromTheEnvironmentRunsAPythonWorkflow(): void
    {
        $options = ConnectionOptions::fromEnvironment([
            'TEMPORAL_ADDRESS' => self::address(),
            'TEMPORAL_NAMESPACE' => 'default',
            'TEMPORAL_GRPC_META_X_TEST_HEADER' => 'php',
        ]);
        $client = Client::connect($options);

        $handle = $client->start('EchoWorkflow', ['env'], self::startOptions('EchoWorkflow'));

        $this->assertSame(['env'], $handle->result(self::RESULT_TIMEOUT_S));
        $this->assertSame(['x-test-header' => 'php'], $options->getMetadata());
    }

    private static function startOptions(string $type): WorkflowOptions
    {
        return WorkflowOptions::new()
            ->withTaskQueue(self::taskQueue())
            ->withWorkflowId(self::uniqueId($type));
    }
}
