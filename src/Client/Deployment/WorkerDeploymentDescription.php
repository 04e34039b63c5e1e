<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Deployment;

use TrueAsync\Temporal\Api\Deployment\V1\WorkerDeploymentInfo;
use TrueAsync\Temporal\Internal\ProtoTime;

/** A Worker Deployment as WorkerDeploymentClient::describe() found it: its routing and its versions. */
final class WorkerDeploymentDescription
{
    /** @param array<string, WorkerDeploymentVersionStatus> $versions build id => status */
    private function __construct(
        public readonly string $name,
        public readonly ?\DateTimeImmutable $createTime,
        public readonly ?string $currentBuildId,
        public readonly ?string $rampingBuildId,
        public readonly float $rampingPercentage,
        public readonly array $versions,
    ) {
    }

    /** @internal */
    public static function fromMessage(WorkerDeploymentInfo $info): self
    {
        $routing = $info->getRoutingConfig();
        $versions = [];
        foreach ($info->getVersionSummaries() as $summary) {
            $versions[$summary->getDeploymentVersion()?->getBuildId() ?? ''] =
                WorkerDeploymentVersionStatus::tryFrom($summary->getStatus()) ?? WorkerDeploymentVersionStatus::Unspecified;
        }
        return new self(
            $info->getName(),
            ProtoTime::toDateTime($info->getCreateTime()),
            self::buildId($routing?->getCurrentDeploymentVersion()?->getBuildId()),
            self::buildId($routing?->getRampingDeploymentVersion()?->getBuildId()),
            (float) ($routing?->getRampingVersionPercentage() ?? 0.0),
            $versions,
        );
    }

    private static function buildId(?string $buildId): ?string
    {
        return $buildId === null || $buildId === '' ? null : $buildId;
    }
}
