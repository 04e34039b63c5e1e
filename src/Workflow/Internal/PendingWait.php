<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

/**
 * One Fiber waiting for one resolution from the core.
 *
 * @internal
 */
final class PendingWait
{
    /** Its cancellation was issued: never issue it twice. */
    public bool $cancelling = false;

    /**
     * @param \Closure(mixed): mixed $onResolve turns the resolution into the wait's value (or throws)
     * @param ?\Closure(): bool $onCancel issues what cancels the wait; true = the core still resolves it
     */
    public function __construct(
        public readonly \Fiber $fiber,
        public readonly \Closure $onResolve,
        public readonly ?\Closure $onCancel,
    ) {
    }
}
