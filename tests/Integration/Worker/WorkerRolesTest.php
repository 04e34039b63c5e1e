<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\TaskQueueType;
use TrueAsync\Temporal\Api\Taskqueue\V1\TaskQueue;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeTaskQueueRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeTaskQueueResponse;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Worker roles against a live server: one registration of a workflow and an activity, served by a
 * local-activity-only worker and an activities-only worker; each polls only its kind of task.
 */
final class WorkerRolesTest extends ServerTestCase
{
    public function testALocalActivityWorkerAndAnActivitiesWorkerSplitOneRegistration(): void
    {
        $queue = self::uniqueId('roles');
        $workflows = self::startRolesWorker('local-only', $queue);
        $activities = self::startRolesWorker('activities-only', $queue);
        try {
            $ran = self::startWorkflow('PhpRoles', [], WorkflowOptions::new()->withTaskQueue($queue))
                ->result(timeoutSeconds: 60);
            self::assertSame(['local' => $workflows->pid(), 'remote' => $activities->pid()], $ran);
            self::assertSame(["roles-local-only-{$workflows->pid()}"], self::pollers($queue, TaskQueueType::TASK_QUEUE_TYPE_WORKFLOW));
            self::assertSame(["roles-activities-only-{$activities->pid()}"], self::pollers($queue, TaskQueueType::TASK_QUEUE_TYPE_ACTIVITY));
        } finally {
            self::assertSame(0, $workflows->stop(), $workflows->output());
            self::assertSame(0, $activities->stop(), $activities->output());
        }
    }

    public function testARoleThatLeavesNothingToServeStopsTheWorkerSayingWhy(): void
    {
        $worker = ChildProcess::start(self::command('local-only-without-workflows', self::uniqueId('roles')), 'roles-none');
        $worker->waitFor('its options disable what is registered (withLocalActivityWorkerOnly() needs workflows');
        self::assertNotSame(0, $worker->stop());
    }

    private static function startRolesWorker(string $role, string $queue): ChildProcess
    {
        $worker = ChildProcess::start(self::command($role, $queue), "roles-$role");
        $worker->waitFor('worker ready');
        return $worker;
    }

    /** @return list<string> */
    private static function command(string $role, string $queue): array
    {
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        return [PHP_BINARY, '-d', "extension=$extension", __DIR__ . '/Fixtures/roles-worker.php', $role, $queue];
    }

    /** @return list<string> the identities that polled $queue for $type, sorted */
    private static function pollers(string $queue, int $type): array
    {
        $response = self::client()->rawCall('WorkflowService', 'DescribeTaskQueue', new DescribeTaskQueueRequest([
            'namespace' => self::client()->getNamespace(),
            'task_queue' => new TaskQueue(['name' => $queue]),
            'task_queue_type' => $type,
        ]), DescribeTaskQueueResponse::class);
        $identities = array_map(static fn ($poller): string => $poller->getIdentity(), iterator_to_array($response->getPollers(), false));
        sort($identities);
        return $identities;
    }
}
