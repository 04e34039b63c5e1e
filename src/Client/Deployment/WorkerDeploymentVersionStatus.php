<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Deployment;

/** Where a Worker Deployment version stands (temporal.api.enums.v1.WorkerDeploymentVersionStatus). */
enum WorkerDeploymentVersionStatus: int
{
    case Unspecified = 0;
    /** Has pollers, takes no new workflows, has no open ones. */
    case Inactive = 1;
    case Current = 2;
    case Ramping = 3;
    /** No longer current or ramping; pinned workflows still run on it. */
    case Draining = 4;
    case Drained = 5;
    case Created = 6;
}
