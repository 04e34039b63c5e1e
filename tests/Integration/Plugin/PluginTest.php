<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Plugin;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Plugin\Plugin;
use TrueAsync\Temporal\Plugin\PluginTrait;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Interop\XorCodec;
use TrueAsync\Temporal\Worker\WorkerFactory;

/**
 * A Plugin given to Client::connect() against a live server: its identity, codec and interceptor are in
 * what the server recorded, and its worker option reaches a worker built on the client.
 */
final class PluginTest extends ServerTestCase
{
    public function testEveryPartOfAPluginApplies(): void
    {
        $client = Client::connect(ConnectionOptions::new(self::address()), plugins: [new TenantPlugin('acme')]);
        $handle = $client->start('NobodyRunsThis', ['secret'], WorkflowOptions::new()
            ->withTaskQueue(self::uniqueId('unpolled'))->withWorkflowId(self::uniqueId('plugin')));
        try {
            $started = $handle->fetchHistory()->getEvents()[0]->getWorkflowExecutionStartedEventAttributes();

            self::assertSame('client-of-acme', $started->getIdentity());
            self::assertSame(XorCodec::ENCODING, $started->getInput()->getPayloads()[0]->getMetadata()['encoding']);
            self::assertSame(['secret'], $client->getDataConverter()->fromPayloads($started->getInput()));
            $header = Header::fromMessage($started->getHeader()->getFields(), $client->getDataConverter());
            self::assertSame('acme', $header->getValue('tenant'));
        } finally {
            $handle->terminate('test done');
        }
        $worker = WorkerFactory::create($client)->newWorker('orders');
        $document = json_decode($worker->getOptions()->toJson('default', 'orders', true, true), true);
        self::assertSame('orders-worker-of-acme', $document['identity']);
    }

    public function testThePluginsInterceptorsStayOutsideThoseGivenLater(): void
    {
        $client = Client::connect(ConnectionOptions::new(self::address()), plugins: [new TenantPlugin('acme')]);
        $mine = new \TrueAsync\Temporal\Tests\Integration\Client\Interceptor\TenantHeaderInterceptor('inner');

        $interceptors = $client->withInterceptors($mine)->getInterceptors();

        self::assertCount(2, $interceptors);
        self::assertSame($mine, $interceptors[1]);
    }

    public function testWhatIsNotAPluginOrAnInterceptorIsRefusedBeforeConnecting(): void
    {
        $broken = new class () implements Plugin {
            use PluginTrait;

            public function getName(): string
            {
                return 'test.broken';
            }

            public function getInterceptors(): array
            {
                return [new \stdClass()];
            }
        };
        // An address nothing listens on: a refusal must come before any connect.
        $options = ConnectionOptions::new('127.0.0.1:1');
        foreach ([[new \stdClass()], [$broken]] as [$plugin]) {
            try {
                Client::connect($options, plugins: [$plugin]);
                self::fail('accepted ' . get_debug_type($plugin));
            } catch (\TypeError $e) {
                self::assertMatchesRegularExpression('/plugin #0 must be a Plugin|plugin "test.broken": interceptor #0/', $e->getMessage());
            }
        }
    }
}
