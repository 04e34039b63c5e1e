<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;

final class WorkerFactoryTest extends TestCase
{
    public function testRefusesACacheThatCouldNeedMoreFibersThanTheProcessCanSuspend(): void
    {
        $client = (new \ReflectionClass(Client::class))->newInstanceWithoutConstructor();
        $factory = WorkerFactory::create($client);
        $factory->newWorker('a', WorkerOptions::new()->withMaxCachedWorkflows(20_000));
        $this->expectException(\LogicException::class);
        $this->expectExceptionMessageMatches('/may keep 20200 Fibers suspended .* more than the \d+ this process can afford/');
        $factory->run();
    }
}
