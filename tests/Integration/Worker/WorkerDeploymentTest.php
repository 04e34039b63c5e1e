<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\Deployment\WorkerDeploymentVersionStatus;
use TrueAsync\Temporal\Client\VersioningOverride;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Worker Deployment versioning against a live server: three versions of one deployment, each a worker
 * process whose workflows return the build that finished them. A pinned workflow stays on the version it
 * started on, an auto-upgrading one moves to the new current version, a pinned override wins over the current
 * version, and a 100 % ramp takes new workflows.
 */
final class WorkerDeploymentTest extends ServerTestCase
{
    /** @var list<ChildProcess> */
    private array $workers = [];

    protected function tearDown(): void
    {
        foreach ($this->workers as $worker) {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    public function testWorkflowsFollowTheirVersioningBehaviourAcrossVersions(): void
    {
        [$deployment, $queue] = [self::uniqueId('deployment'), self::uniqueId('versioned')];
        $deployments = self::client()->workerDeployments();
        $this->startVersion($deployment, '1.0', $queue);
        $deployments->setCurrentVersion($deployment, '1.0');
        $pinned = $this->startAndAwaitFirstTask('PhpVersionedPinned', $queue);
        $upgrading = $this->startAndAwaitFirstTask('PhpVersionedAutoUpgrade', $queue);

        $this->startVersion($deployment, '2.0', $queue);
        $deployments->setCurrentVersion($deployment, '2.0');
        $description = $deployments->describe($deployment);
        self::assertSame([$deployment, '2.0', null], [$description->name, $description->currentBuildId, $description->rampingBuildId]);
        self::assertSame(WorkerDeploymentVersionStatus::Current, $description->versions['2.0']);
        self::assertArrayHasKey('1.0', $description->versions);
        // The list comes from visibility, which lags.
        self::assertTrue(self::eventually(
            fn (): bool => \in_array($deployment, $deployments->listDeployments(), true),
            true,
        ), 'the deployment was never listed');
        $overridden = $this->startAndAwaitFirstTask('PhpVersionedAutoUpgrade', $queue,
            VersioningOverride::pinned($deployment, '1.0'));

        self::assertSame(['1.0', '2.0', '1.0'], array_map(self::finish(...), [$pinned, $upgrading, $overridden]));

        $this->startVersion($deployment, '3.0', $queue);
        $deployments->setRampingVersion($deployment, '3.0', 100);
        self::assertSame(['3.0', 100.0], [$deployments->describe($deployment)->rampingBuildId,
            $deployments->describe($deployment)->rampingPercentage]);
        self::assertSame('3.0', self::finish($this->startAndAwaitFirstTask('PhpVersionedAutoUpgrade', $queue)));
    }

    public function testBadNamesAndPercentagesAreRefusedBeforeAnyCall(): void
    {
        $deployments = self::client()->workerDeployments();
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('setRampingVersion(): the percentage must be 0 to 100, got 101');
        $deployments->setRampingVersion('d', '1', 101);
    }

    /** A worker process of this version, once the server has seen it poll (a version is set current only then). */
    private function startVersion(string $deployment, string $build, string $queue): void
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/versioned-worker.php', $deployment, $build, $queue], "versioned-$build");
        $this->workers[] = $worker;
        $worker->waitFor('worker ready');
        $version = self::eventuallyAccepted(
            fn () => self::client()->workerDeployments()->describeVersion($deployment, $build),
            static fn ($description): bool => $description->taskQueues !== [],
        );
        self::assertContains([$queue, 'workflow'], $version->taskQueues);
    }

    private function startAndAwaitFirstTask(string $type, string $queue, ?VersioningOverride $override = null): WorkflowHandle
    {
        $handle = self::startWorkflow($type, [], WorkflowOptions::new()->withTaskQueue($queue)
            ->withVersioningOverride($override));
        self::eventually(static function () use ($handle): bool {
            foreach ($handle->fetchHistory()->getEvents() as $event) {
                if ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
                    return true;
                }
            }
            return false;
        }, true);
        return $handle;
    }

    private static function finish(WorkflowHandle $handle): string
    {
        $handle->signal('finish');
        return $handle->result(timeoutSeconds: 60);
    }
}
