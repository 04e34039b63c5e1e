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

        $this->assertSame(['env'], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertSame(['x-test-header' => 'php'], $options->getMetadata());
    }

    public function testAClientConnectedFromATomlProfileRunsAPythonWorkflow(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'temporal-toml-');
        file_put_contents($file, sprintf("[profile.default]\naddress = \"nowhere:1\"\n\n"
            . "[profile.ci]\naddress = \"%s\"\nnamespace = \"default\"\n[profile.ci.grpc_meta]\nx-profile = \"ci\"\n",
            self::address()));
        try {
            $options = ConnectionOptions::fromEnvironment(['TEMPORAL_CONFIG_FILE' => $file, 'TEMPORAL_PROFILE' => 'ci']);
        } finally {
            unlink($file);
        }
        $client = Client::connect($options);

        $handle = $client->start('EchoWorkflow', ['toml'], self::startOptions('EchoWorkflow'));

        $this->assertSame(['toml'], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertSame(['x-profile' => 'ci'], $options->getMetadata());
    }

    private static function startOptions(string $type): WorkflowOptions
    {
        return WorkflowOptions::new()
            ->withTaskQueue(self::taskQueue())
            ->withWorkflowId(self::uniqueId($type));
    }
}
