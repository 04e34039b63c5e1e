<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Deployment;

use TrueAsync\Temporal\Api\Deployment\V1\WorkerDeploymentVersionInfo;
use TrueAsync\Temporal\Api\Enums\V1\TaskQueueType;
use TrueAsync\Temporal\Internal\ProtoTime;

/** One version of a Worker Deployment as WorkerDeploymentClient::describeVersion() found it. */
final class WorkerDeploymentVersionDescription
{
    /** @param list<array{string, string}> $taskQueues [name, "workflow"|"activity"|"nexus"] of those its workers polled */
    private function __construct(
        public readonly string $deploymentName,
        public readonly string $buildId,
        public readonly WorkerDeploymentVersionStatus $status,
        public readonly ?\DateTimeImmutable $createTime,
        public readonly float $rampPercentage,
        public readonly array $taskQueues,
    ) {
    }

    /** @internal */
    public static function fromMessage(WorkerDeploymentVersionInfo $info): self
    {
        $queues = [];
        foreach ($info->getTaskQueueInfos() as $queue) {
            $kind = strtolower(substr(TaskQueueType::name($queue->getType()), \strlen('TASK_QUEUE_TYPE_')));
            $queues[] = [$queue->getName(), $kind];
        }
        return new self(
            $info->getDeploymentVersion()?->getDeploymentName() ?? $info->getDeploymentName(),
            $info->getDeploymentVersion()?->getBuildId() ?? '',
            WorkerDeploymentVersionStatus::tryFrom($info->getStatus()) ?? WorkerDeploymentVersionStatus::Unspecified,
            ProtoTime::toDateTime($info->getCreateTime()),
            (float) $info->getRampPercentage(),
            $queues,
        );
    }
}
