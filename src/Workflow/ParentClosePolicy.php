<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/** What happens to a child workflow when its parent closes. Values are the core's. */
enum ParentClosePolicy: int
{
    case Terminate = 1;
    case Abandon = 2;
    case RequestCancel = 3;
}
