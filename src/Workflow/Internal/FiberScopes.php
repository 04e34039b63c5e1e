<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

/**
 * Which cancellation scope each Fiber of a run belongs to: the root for the workflow method and handlers,
 * a scope of its own for each async() branch.
 *
 * @internal
 */
final class FiberScopes
{
    public readonly CancellationScope $root;
    /** @var \WeakMap<\Fiber, CancellationScope> */
    private \WeakMap $scopes;

    public function __construct()
    {
        $this->root = new CancellationScope();
        $this->scopes = new \WeakMap();
    }

    public function assign(\Fiber $fiber, CancellationScope $scope): void
    {
        $this->scopes[$fiber] = $scope;
    }

    public function of(\Fiber $fiber): CancellationScope
    {
        return $this->scopes[$fiber] ?? $this->root;
    }

    /** The calling Fiber's scope (the root outside any Fiber). */
    public function current(): CancellationScope
    {
        $fiber = \Fiber::getCurrent();
        return $fiber === null ? $this->root : $this->of($fiber);
    }

    public function clear(): void
    {
        $this->scopes = new \WeakMap();
    }
}
