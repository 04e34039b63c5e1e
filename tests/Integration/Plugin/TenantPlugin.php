<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Plugin;

use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Plugin\Plugin;
use TrueAsync\Temporal\Plugin\PluginTrait;
use TrueAsync\Temporal\Tests\Integration\Client\Interceptor\TenantHeaderInterceptor;
use TrueAsync\Temporal\Tests\Interop\XorCodec;
use TrueAsync\Temporal\Worker\WorkerOptions;

/** Every part of a plugin at once: an identity, a codec, a header interceptor and a worker option. */
final class TenantPlugin implements Plugin
{
    use PluginTrait;

    public function __construct(private readonly string $tenant)
    {
    }

    public function getName(): string
    {
        return 'test.tenant';
    }

    public function configureConnection(ConnectionOptions $options): ConnectionOptions
    {
        return $options->withIdentity("client-of-{$this->tenant}");
    }

    public function configureDataConverter(DataConverter $converter): DataConverter
    {
        return $converter->withCodecs(new XorCodec());
    }

    public function getInterceptors(): array
    {
        return [new TenantHeaderInterceptor($this->tenant)];
    }

    public function configureWorker(string $taskQueue, WorkerOptions $options): WorkerOptions
    {
        return $options->withIdentity("$taskQueue-worker-of-{$this->tenant}");
    }
}
