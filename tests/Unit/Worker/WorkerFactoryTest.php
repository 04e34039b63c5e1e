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

    /** @return iterable<string, array{list<mixed>, float, string}> */
    public static function badReloadArguments(): iterable
    {
        yield 'no path' => [[], 1.0, 'no path to watch'];
        yield 'a missing path' => [['/nonexistent/src'], 1.0, "'/nonexistent/src' is neither a file nor a directory"];
        yield 'not a string' => [[42], 1.0, '42 is neither a file nor a directory'];
        yield 'no interval' => [[__DIR__], 0.0, 'the check interval must be positive, got 0'];
        yield 'NaN' => [[__DIR__], NAN, 'the check interval must be positive, got NAN'];
    }

    /**
     * @dataProvider badReloadArguments
     * @param list<mixed> $paths
     */
    public function testRunWithReloadRefusesBadArgumentsBeforeItRunsAnything(array $paths, float $interval, string $message): void
    {
        $client = (new \ReflectionClass(Client::class))->newInstanceWithoutConstructor();
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("WorkerFactory::runWithReload(): $message");
        WorkerFactory::create($client)->runWithReload($paths, $interval);
    }
}
