<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * What cancelling a child workflow waits for. Values are the core's.
 *
 * A child is cancelled when the branch that waits for it is, and that includes the parent's own
 * cancellation: whatever its ParentClosePolicy (Abandon included), a child is asked to cancel when its
 * parent is cancelled, unless its cancellation type is Abandon. For a child that outlives a cancelled
 * parent, set both ParentClosePolicy::Abandon and Abandon here.
 */
enum ChildWorkflowCancellationType: int
{
    /** Don't ask the child to cancel; the parent's wait ends at once. */
    case Abandon = 0;
    /** Ask, and end the parent's wait at once. */
    case TryCancel = 1;
    /** Ask, and wait until the child has ended cancelled (the default, as in the other SDKs). */
    case WaitCancellationCompleted = 2;
    /** Ask, and wait until the request is recorded. */
    case WaitCancellationRequested = 3;
}
