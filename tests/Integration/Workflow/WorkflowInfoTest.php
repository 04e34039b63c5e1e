<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleAction;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleState;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\RetryPolicy;

/** What Workflow::getInfo() tells a workflow about its run, its chain, its parent and its options. */
class WorkflowInfoTest extends WorkflowWorkerTestCase
{
    public function testARetriedRunSeesItsOptionsItsPredecessorAndWhyItFailed(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue(self::$queue)->withWorkflowId(self::uniqueId('info'))
            ->withWorkflowExecutionTimeout(3600)->withWorkflowRunTimeout(1800)->withWorkflowTaskTimeout(20)
            ->withRetryPolicy(RetryPolicy::new()->withInitialInterval(1)->withMaximumAttempts(3))
            ->withMemo(['team' => 'php']);
        $handle = self::client()->start('PhpInfo', [['fail_attempts' => 1, 'memo' => ['stage' => 'done']]], $options);
        $info = $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame(2, $info['attempt']);
        $this->assertSame('attempt 1 fails', $info['lastFailure']);
        $this->assertSame($handle->getRunId(), $info['firstExecutionRunId']);
        $this->assertSame($handle->getRunId(), $info['continuedExecutionRunId']);
        $this->assertNotSame($handle->getRunId(), $info['runId']);
        $this->assertSame(3, $info['retryMaximumAttempts']);
        $this->assertSame([3600.0, 1800.0, 20.0], $info['timeouts']);
        $unrelated = ['parentNamespace', 'parent', 'root', 'cronSchedule', 'lastCompletionResult'];
        $this->assertSame(array_fill_keys($unrelated, null), array_intersect_key($info, array_flip($unrelated)));
        $this->assertNotNull($info['startTime']);
        $this->assertGreaterThan(0, $info['historyLength']);
        $this->assertGreaterThan(0, $info['historySizeBytes']);
        // The workflow's own memo view, upsert included, is what the server describes.
        $this->assertSame(['stage' => 'done', 'team' => 'php'], self::sorted($info['memo']));
        $described = self::client()->getHandle($info['workflowId'], $info['runId'])->describe()->getMemo();
        $this->assertSame(self::sorted($info['memo']), self::sorted($described));
    }

    public function testAChildSeesItsParentAndTheRootOfItsChain(): void
    {
        $parent = $this->start('PhpInfoParent', []);
        $child = $parent->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame('default', $child['parentNamespace']);
        $this->assertSame([$parent->getId(), $parent->getRunId()], $child['parent']);
        $this->assertSame([$parent->getId(), $parent->getRunId()], $child['root']);
        $this->assertSame(1, $child['attempt']);
        $this->assertNull($child['continuedExecutionRunId']);
    }

    public function testAScheduledRunSeesThePreviousRunsResult(): void
    {
        $options = WorkflowOptions::new()->withWorkflowId(self::uniqueId('info-scheduled'))
            ->withTaskQueue(self::$queue);
        $schedule = Schedule::new(
            ScheduleAction::startWorkflow('PhpInfo', [[]], $options),
            ScheduleSpec::new()->withIntervals(new ScheduleIntervalSpec(3600)),
        )->withState(ScheduleState::new()->withPaused(true));
        $handle = self::client()->schedules()->create(self::uniqueId('info-schedule'), $schedule);
        try {
            $first = $this->triggerAndWait($handle, 1);
            $second = $this->triggerAndWait($handle, 2);
            $this->assertNull($first['lastCompletionResult']);
            $this->assertSame($first, $second['lastCompletionResult']);
        } finally {
            $handle->delete();
        }
    }

    /** Triggers the schedule and returns the result of its $nth run. */
    private function triggerAndWait(ScheduleHandle $handle, int $nth): array
    {
        $handle->trigger();
        $description = self::eventuallyAccepted(
            fn (): ScheduleDescription => $handle->describe(),
            fn (ScheduleDescription $d): bool => \count($d->getInfo()->getRecentActions()) >= $nth,
        );
        $workflow = $description->getInfo()->getRecentActions()[$nth - 1]->getWorkflow();
        return self::client()->getHandle($workflow->getWorkflowId(), $workflow->getRunId())
            ->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
    }

    private static function sorted(array $values): array
    {
        ksort($values);
        return $values;
    }
}
