<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

/**
 * What a cancellation reaches: the waits of Fibers in this scope and its children, those waiting now and
 * those they start later. A detached scope is not reached from its parents (cleanup that must run while the
 * workflow is being cancelled).
 *
 * @internal
 */
final class CancellationScope
{
    public bool $cancelled = false;

    public function __construct(public readonly ?self $parent = null, public readonly bool $detached = false)
    {
    }

    /** Whether this scope or one it is within was cancelled: its waits then end before they begin. */
    public function isCancelled(): bool
    {
        for ($current = $this; $current !== null; $current = $current->parent) {
            if ($current->cancelled) {
                return true;
            }
            if ($current->detached) {
                return false;
            }
        }
        return false;
    }

    /** Whether cancelling $scope reaches this one. */
    public function isWithin(self $scope): bool
    {
        for ($current = $this; $current !== null; $current = $current->parent) {
            if ($current === $scope) {
                return true;
            }
            if ($current->detached) {
                return false;
            }
        }
        return false;
    }
}
