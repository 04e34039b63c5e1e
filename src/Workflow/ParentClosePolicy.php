<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * What happens to a child workflow when its parent closes. Values are the core's.
 *
 * A parent's cancellation reaches its children before the parent closes: cancelling the parent cancels the
 * branches that wait for them, and each child is then cancelled as its ChildWorkflowCancellationType says.
 * So a child started with Abandon is still asked to cancel when its parent is cancelled, unless its
 * cancellation type is ChildWorkflowCancellationType::Abandon too. For a child that outlives a cancelled
 * parent, set both.
 */
enum ParentClosePolicy: int
{
    /** The server terminates the child when the parent closes (the default). */
    case Terminate = 1;
    /** The child keeps running after the parent closes (see above for a cancelled parent). */
    case Abandon = 2;
    /** The server asks the child to cancel when the parent closes. */
    case RequestCancel = 3;
}
