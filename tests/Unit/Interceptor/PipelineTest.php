<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Interceptor;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;

interface Doubling extends Interceptor
{
    public function double(\ArrayObject $input, \Closure $next): mixed;

    public function info(\Closure $next): string;
}

final class PipelineTest extends TestCase
{
    public function testTheFirstInterceptorIsOutermostAndOthersAreSkipped(): void
    {
        $trace = new \ArrayObject();
        $tagged = fn (string $tag) => new class ($tag) implements Doubling {
            public function __construct(private string $tag)
            {
            }

            public function double(\ArrayObject $input, \Closure $next): mixed
            {
                $input[] = "{$this->tag} in";
                $result = $next($input);
                $input[] = "{$this->tag} out";
                return $result . $this->tag;
            }

            public function info(\Closure $next): string
            {
                return $next() . $this->tag;
            }
        };
        $other = new class () implements Interceptor {
        };
        $pipeline = Pipeline::of([$tagged('a'), $other, $tagged('b')], Doubling::class);

        $result = $pipeline->call('double', $trace, function (\ArrayObject $input): string {
            $input[] = 'sdk';
            return 'r';
        });

        self::assertSame('rba', $result);
        self::assertSame(['a in', 'b in', 'sdk', 'b out', 'a out'], $trace->getArrayCopy());
        self::assertFalse($pipeline->isEmpty());
        self::assertTrue(Pipeline::of([$other], Doubling::class)->isEmpty());
        self::assertSame('iba', $pipeline->call('info', null, fn (): string => 'i'), 'a hook without input');
    }
}
