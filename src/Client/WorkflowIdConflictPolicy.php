<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/**
 * What starting a workflow does when an execution with the same id is running
 * (temporal.api.enums.v1.WorkflowIdConflictPolicy). Unspecified leaves the server's default, Fail.
 */
enum WorkflowIdConflictPolicy: int
{
    case Unspecified = 0;
    /** Fail with WorkflowAlreadyStartedException. */
    case Fail = 1;
    /** Return a handle to the running execution instead of starting one. */
    case UseExisting = 2;
    /** Terminate the running execution and start a new one. */
    case TerminateExisting = 3;
}
