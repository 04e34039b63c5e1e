<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Workflow\VersioningBehavior;

/**
 * The Worker Deployment version a worker is (a deployment name and a build id), for
 * WorkerOptions::withDeploymentOptions(). With versioning on (the default here), the server routes each
 * workflow's tasks by its versioning behaviour: a Pinned workflow stays on the version it started on, an
 * AutoUpgrade one follows the deployment's current version (set through Client::workerDeployments()).
 * Every workflow type then needs a behaviour: its #[WorkflowVersioningBehavior], else the default here.
 * Immutable.
 */
final class WorkerDeploymentOptions
{
    private bool $useWorkerVersioning = true;
    private VersioningBehavior $defaultVersioningBehavior = VersioningBehavior::Unspecified;

    private function __construct(public readonly string $deploymentName, public readonly string $buildId)
    {
    }

    /** @throws \ValueError a name is empty or not UTF-8 */
    public static function new(string $deploymentName, string $buildId): self
    {
        foreach (['deployment name' => $deploymentName, 'build id' => $buildId] as $what => $value) {
            if (trim($value) === '') {
                throw new \ValueError("WorkerDeploymentOptions::new(): the $what must not be empty");
            }
            Utf8::check($value, "WorkerDeploymentOptions::new(): the $what");
        }
        return new self($deploymentName, $buildId);
    }

    /** Off: the worker only reports its version; tasks are routed as without versioning. */
    public function withUseWorkerVersioning(bool $use = true): self
    {
        $copy = clone $this;
        $copy->useWorkerVersioning = $use;
        return $copy;
    }

    /** The behaviour of workflow types without #[WorkflowVersioningBehavior]. */
    public function withDefaultVersioningBehavior(VersioningBehavior $behavior): self
    {
        $copy = clone $this;
        $copy->defaultVersioningBehavior = $behavior;
        return $copy;
    }

    public function isUsingWorkerVersioning(): bool
    {
        return $this->useWorkerVersioning;
    }

    public function getDefaultVersioningBehavior(): VersioningBehavior
    {
        return $this->defaultVersioningBehavior;
    }

    /** @internal the "deployment" of the worker options document @return array<string, mixed> */
    public function toArray(): array
    {
        return ['deployment_name' => $this->deploymentName, 'build_id' => $this->buildId,
            'use_worker_versioning' => $this->useWorkerVersioning,
            'default_versioning_behavior' => $this->defaultVersioningBehavior->value];
    }
}
