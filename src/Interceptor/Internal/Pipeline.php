<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Internal;

use TrueAsync\Temporal\Interceptor\Interceptor;

/**
 * The interceptors of one interface, in the order they were given, around one call site: each hook gets the
 * call's input and a $next that runs the rest of the chain, the SDK's own code last. With none, the call
 * costs only the input object.
 *
 * @internal
 */
final class Pipeline
{
    /** @param list<Interceptor> $interceptors */
    private function __construct(private readonly array $interceptors)
    {
    }

    /**
     * @param iterable<Interceptor> $interceptors
     * @param class-string<Interceptor> $interface the hooks' interface: the others are skipped
     */
    public static function of(iterable $interceptors, string $interface): self
    {
        $matching = [];
        foreach ($interceptors as $interceptor) {
            if ($interceptor instanceof $interface) {
                $matching[] = $interceptor;
            }
        }
        return new self($matching);
    }

    public function isEmpty(): bool
    {
        return $this->interceptors === [];
    }

    /**
     * Runs $method of every interceptor, the first outermost, then $last. A hook without input (getInfo())
     * takes $next alone, and $last nothing.
     *
     * @template T
     * @param ?object $input the call's input; null for a hook that takes none
     * @param \Closure(object): T|\Closure(): T $last the SDK's own code, given the input the innermost
     *     interceptor passed on
     * @return T
     */
    public function call(string $method, ?object $input, \Closure $last): mixed
    {
        $next = $last;
        for ($i = \count($this->interceptors) - 1; $i >= 0; $i--) {
            $interceptor = $this->interceptors[$i];
            $next = $input === null
                ? static fn (): mixed => $interceptor->{$method}($next)
                : static fn (object $input): mixed => $interceptor->{$method}($input, $next);
        }
        return $input === null ? $next() : $next($input);
    }
}
