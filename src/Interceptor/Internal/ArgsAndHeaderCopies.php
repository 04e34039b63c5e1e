<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Internal;

use TrueAsync\Temporal\Interceptor\Header;

/**
 * withArgs() and withHeader() of an interceptor input whose `args` and `header` are promoted constructor
 * properties (InputCopies).
 *
 * @internal
 */
trait ArgsAndHeaderCopies
{
    use InputCopies;

    /** @param list<mixed> $args the arguments to pass on instead (their keys are dropped) */
    public function withArgs(array $args): static
    {
        return $this->with('args', array_values($args));
    }

    public function withHeader(Header $header): static
    {
        return $this->with('header', $header);
    }
}
