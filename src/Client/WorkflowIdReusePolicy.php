<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/**
 * Whether a workflow id may be started again after an execution with that id closed
 * (temporal.api.enums.v1.WorkflowIdReusePolicy). Unspecified leaves the server's default, AllowDuplicate.
 */
enum WorkflowIdReusePolicy: int
{
    case Unspecified = 0;
    /** Start whatever way the previous execution closed. */
    case AllowDuplicate = 1;
    /** Start only if the previous execution failed, was cancelled, terminated or timed out. */
    case AllowDuplicateFailedOnly = 2;
    /** Never start a closed id again. */
    case RejectDuplicate = 3;
}
