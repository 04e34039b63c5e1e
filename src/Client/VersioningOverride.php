<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Deployment\V1\WorkerDeploymentVersion;
use TrueAsync\Temporal\Api\Workflow\V1\VersioningOverride as OverrideMessage;
use TrueAsync\Temporal\Api\Workflow\V1\VersioningOverride\PinnedOverride;
use TrueAsync\Temporal\Api\Workflow\V1\VersioningOverride\PinnedOverrideBehavior;
use TrueAsync\Temporal\Internal\Utf8;

/**
 * A workflow's versioning behaviour set by its starter, winning over the one its code declares
 * (WorkflowOptions::withVersioningOverride()): pinned to one Worker Deployment version, or auto-upgrade.
 */
final class VersioningOverride
{
    private function __construct(private readonly ?string $deploymentName, private readonly ?string $buildId)
    {
    }

    /** @throws \ValueError a name is empty or not UTF-8 */
    public static function pinned(string $deploymentName, string $buildId): self
    {
        foreach (['deployment name' => $deploymentName, 'build id' => $buildId] as $what => $value) {
            if (trim($value) === '') {
                throw new \ValueError("VersioningOverride::pinned(): the $what must not be empty");
            }
            Utf8::check($value, "VersioningOverride::pinned(): the $what");
        }
        return new self($deploymentName, $buildId);
    }

    public static function autoUpgrade(): self
    {
        return new self(null, null);
    }

    public function isPinned(): bool
    {
        return $this->buildId !== null;
    }

    /** @internal */
    public function toMessage(): OverrideMessage
    {
        if ($this->buildId === null) {
            return new OverrideMessage(['auto_upgrade' => true]);
        }
        return new OverrideMessage(['pinned' => new PinnedOverride([
            'behavior' => PinnedOverrideBehavior::PINNED_OVERRIDE_BEHAVIOR_PINNED,
            'version' => new WorkerDeploymentVersion(['deployment_name' => $this->deploymentName, 'build_id' => $this->buildId]),
        ])]);
    }
}
