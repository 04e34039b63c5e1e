<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow;

/**
 * How a workflow moves between the versions of a Worker Deployment (temporal.api.enums.v1.VersioningBehavior).
 * Pinned: it runs to its end on the version it started on. AutoUpgrade: its next task goes to the deployment's
 * current (or ramping) version, so its code must stay replay-compatible (patches).
 */
enum VersioningBehavior: int
{
    /** None given: the worker's default, WorkerDeploymentOptions::withDefaultVersioningBehavior(). */
    case Unspecified = 0;
    case Pinned = 1;
    case AutoUpgrade = 2;
}
