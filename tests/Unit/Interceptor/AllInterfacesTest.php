<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Interceptor;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Interceptor;
use TrueAsync\Temporal\Interceptor\Trait;

/**
 * Every interceptor interface, implemented by one class through the pass-through traits: a tracing or
 * tenant interceptor is one object on every side, so no two interfaces may share a hook name. PHP refuses to
 * compile the class below otherwise ("collisions with other trait methods", or an incompatible declaration).
 */
final class AllInterfacesTest extends TestCase
{
    public function testOneClassImplementsEveryInterface(): void
    {
        $interfaces = array_filter(
            array_map(
                static fn (string $file): string => 'TrueAsync\Temporal\Interceptor\\' . basename($file, '.php'),
                glob(\dirname(__DIR__, 3) . '/src/Interceptor/*Interceptor.php') ?: [],
            ),
            static fn (string $name): bool => $name !== Interceptor\Interceptor::class,
        );
        $everything = new EveryHook();

        self::assertCount(6, $interfaces);
        foreach ($interfaces as $interface) {
            self::assertInstanceOf($interface, $everything);
        }
    }
}

final class EveryHook implements
    Interceptor\WorkflowClientCallsInterceptor,
    Interceptor\ScheduleClientCallsInterceptor,
    Interceptor\WorkflowInboundCallsInterceptor,
    Interceptor\WorkflowOutboundCallsInterceptor,
    Interceptor\ActivityInboundInterceptor,
    Interceptor\ActivityOutboundInterceptor
{
    use Trait\WorkflowClientCallsInterceptorTrait;
    use Trait\ScheduleClientCallsInterceptorTrait;
    use Trait\WorkflowInboundCallsInterceptorTrait;
    use Trait\WorkflowOutboundCallsInterceptorTrait;
    use Trait\ActivityInboundInterceptorTrait;
    use Trait\ActivityOutboundInterceptorTrait;
}
