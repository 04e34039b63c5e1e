<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\VersioningOverride;
use TrueAsync\Temporal\Tests\Unit\RefusesBadValues;
use TrueAsync\Temporal\Worker\WorkerDeploymentOptions;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow\Internal\WorkflowDefinition;
use TrueAsync\Temporal\Workflow\VersioningBehavior;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;
use TrueAsync\Temporal\Workflow\WorkflowVersioningBehavior;

#[WorkflowInterface]
#[WorkflowVersioningBehavior(VersioningBehavior::Pinned)]
final class PinnedByClass
{
    #[WorkflowMethod]
    public function run(): void
    {
    }
}

#[WorkflowInterface]
#[WorkflowVersioningBehavior(VersioningBehavior::Pinned)]
final class UpgradingByMethod
{
    #[WorkflowMethod]
    #[WorkflowVersioningBehavior(VersioningBehavior::AutoUpgrade)]
    public function run(): void
    {
    }
}

/** Deployment options, versioning behaviours and overrides: what reaches the core and the server. */
final class WorkerDeploymentOptionsTest extends TestCase
{
    use RefusesBadValues;

    public function testTheDeploymentReachesTheWorkerOptionsDocument(): void
    {
        $options = WorkerOptions::new()->withDeploymentOptions(WorkerDeploymentOptions::new('orders', '2.1')
            ->withDefaultVersioningBehavior(VersioningBehavior::AutoUpgrade));
        self::assertSame(['deployment_name' => 'orders', 'build_id' => '2.1', 'use_worker_versioning' => true,
            'default_versioning_behavior' => 2], json_decode($options->toJson('default', 'q', true, false), true)['deployment']);
    }

    public function testTheMethodsBehaviourWinsOverTheClassesAndNoneIsUnspecified(): void
    {
        self::assertSame(VersioningBehavior::Pinned, WorkflowDefinition::fromClass(PinnedByClass::class)->versioningBehavior);
        self::assertSame(VersioningBehavior::AutoUpgrade, WorkflowDefinition::fromClass(UpgradingByMethod::class)->versioningBehavior);
        self::assertSame(VersioningBehavior::AutoUpgrade, WorkflowDefinition::fromClass(UpgradingByMethod::class)->asDynamic()->versioningBehavior);
        $plain = new #[WorkflowInterface] class {
            #[WorkflowMethod(name: 'Plain')]
            public function run(): void
            {
            }
        };
        self::assertSame(VersioningBehavior::Unspecified, WorkflowDefinition::fromClass($plain::class)->versioningBehavior);
    }

    public function testOverridesBecomeTheServersMessage(): void
    {
        $pinned = VersioningOverride::pinned('orders', '2.1')->toMessage();
        self::assertSame(['orders', '2.1'], [$pinned->getPinned()->getVersion()->getDeploymentName(),
            $pinned->getPinned()->getVersion()->getBuildId()]);
        self::assertTrue(VersioningOverride::autoUpgrade()->toMessage()->getAutoUpgrade());
    }

    public function testEmptyNamesAreRefused(): void
    {
        self::assertEachRefused([
            'WorkerDeploymentOptions::new(): the deployment name must not be empty' => static fn () => WorkerDeploymentOptions::new(' ', '1'),
            'WorkerDeploymentOptions::new(): the build id must not be empty' => static fn () => WorkerDeploymentOptions::new('d', ''),
            'VersioningOverride::pinned(): the build id must not be empty' => static fn () => VersioningOverride::pinned('d', ''),
        ]);
    }
}
