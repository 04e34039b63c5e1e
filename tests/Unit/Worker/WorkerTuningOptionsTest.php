<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Tests\Unit\RefusesBadValues;
use TrueAsync\Temporal\Worker\PollerBehavior;
use TrueAsync\Temporal\Worker\ProcessPoolActivityExecutor;
use TrueAsync\Temporal\Worker\SlotSupplier;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Worker\WorkerTuner;

/** Pollers, slots and the sticky timeout: checked where they are given, and what reaches the core. */
final class WorkerTuningOptionsTest extends TestCase
{
    use RefusesBadValues;

    public function testBadValuesAreRefusedWithTheirName(): void
    {
        $cases = [
            'PollerBehavior::simpleMaximum(): the maximum must be 1 to 1000, got 0' => static fn () => PollerBehavior::simpleMaximum(0),
            'PollerBehavior::autoscaling(): the maximum must be 4 to 1000, got 3' => static fn () => PollerBehavior::autoscaling(4, 3, 4),
            'PollerBehavior::autoscaling(): the initial number must be 1 to 10, got 11' => static fn () => PollerBehavior::autoscaling(1, 10, 11),
            'SlotSupplier::fixed(): the number of slots must be 1 to 100000, got 0' => static fn () => SlotSupplier::fixed(0),
            'SlotSupplier::resourceBased(): the maximum must be 5 to 100000, got 2' => static fn () => SlotSupplier::resourceBased(5, 2),
            'SlotSupplier::resourceBased(): the ramp throttle must be 0 to 3600 seconds, got -1' => static fn () => SlotSupplier::resourceBased(rampThrottleSeconds: -1),
            'WorkerTuner::withResourceTargets(): the CPU target must be above 0 and at most 1, got 1.5' => static fn () => WorkerTuner::resourceBased(0.5, 1.5),
            'withStickyQueueScheduleToStartTimeout(): must be at least 1 ms' => static fn () => WorkerOptions::new()->withStickyQueueScheduleToStartTimeout(0),
        ];
        self::assertEachRefused($cases);
    }

    public function testPollersAndTheStickyTimeoutReachTheDocument(): void
    {
        $document = self::document(WorkerOptions::new()->withMaxConcurrentWorkflowTaskPollers(7)
            ->withActivityTaskPollerBehavior(PollerBehavior::autoscaling(2, 20, 4))
            ->withStickyQueueScheduleToStartTimeout(2.5));
        self::assertSame([7, null], [$document['workflow_task_pollers'], $document['workflow_task_poller_autoscaling']]);
        self::assertSame(['minimum' => 2, 'maximum' => 20, 'initial' => 4], $document['activity_task_poller_autoscaling']);
        self::assertSame(2500, $document['sticky_queue_schedule_to_start_timeout_ms']);
        self::assertNull($document['tuner']);
    }

    public function testATunerFillsTheKindsItLeavesOutFromTheFixedMaximumsAndAPoolCapsActivities(): void
    {
        $pool = (new ProcessPoolActivityExecutor(__FILE__))->withProcesses(6);
        $options = WorkerOptions::new()->withMaxConcurrentWorkflowTaskExecutionSize(40)->withActivityExecutor($pool)
            ->withTuner(WorkerTuner::new()->withResourceTargets(0.8, 0.9)
                ->withActivitySlots(SlotSupplier::resourceBased(minSlots: 10, maxSlots: 50, rampThrottleSeconds: 0.1)));
        self::assertSame([
            'workflow_slots' => ['fixed' => 40],
            'activity_slots' => ['resource_based' => ['max_slots' => 6, 'min_slots' => 6, 'ramp_throttle_ms' => 100]],
            'local_activity_slots' => ['fixed' => 100],
            'target_memory_usage' => 0.8,
            'target_cpu_usage' => 0.9,
        ], self::document($options)['tuner']);
        self::assertSame(1000 + 6 + 100, $options->fiberDemand());
    }

    public function testResourceBasedSlotsNeedResourceTargets(): void
    {
        $options = WorkerOptions::new()->withTuner(WorkerTuner::new()->withActivitySlots(SlotSupplier::resourceBased()));
        $this->expectException(\LogicException::class);
        $this->expectExceptionMessage('resource-based slots need withResourceTargets()');
        self::document($options);
    }

    /** @return array<string, mixed> */
    private static function document(WorkerOptions $options): array
    {
        return json_decode($options->toJson('default', 'q', true, true), true);
    }
}
