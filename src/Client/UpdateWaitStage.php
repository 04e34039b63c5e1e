<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/** How far an update must have got before WorkflowHandle::startUpdate() returns. */
enum UpdateWaitStage: int
{
    /** The workflow's validator accepted the update (or rejected it: the handle's result() then throws). */
    case Accepted = 2;
    /** The update handler finished. */
    case Completed = 3;
}
