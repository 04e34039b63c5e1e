<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Validation;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\SchedulePolicies;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Internal\Deadline;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/** Every duration the SDK takes refuses NaN and infinity (and negatives, but for waits) naming the option. */
final class DurationOptionsTest extends TestCase
{
    /**
     * @dataProvider durations
     * @param \Closure(float): mixed $set
     */
    public function testNanAndInfinityAreRejectedNamingTheOption(string $option, \Closure $set, bool $negativeIsNoWait): void
    {
        foreach (['NAN' => NAN, 'INF' => INF, '-INF' => -INF, '-1.0' => -1.0] as $shown => $value) {
            if ($shown === '-1.0' && $negativeIsNoWait) {
                continue;
            }
            try {
                $set($value);
                $this->fail("$option accepted $shown");
            } catch (\ValueError $e) {
                $this->assertStringStartsWith("$option: the ", $e->getMessage());
                $this->assertStringEndsWith("got $shown", $e->getMessage());
            }
        }
    }

    public static function durations(): array
    {
        $cases = [
            'WorkflowOptions::withWorkflowExecutionTimeout()' => fn (float $s) => WorkflowOptions::new()->withWorkflowExecutionTimeout($s),
            'WorkflowOptions::withWorkflowRunTimeout()' => fn (float $s) => WorkflowOptions::new()->withWorkflowRunTimeout($s),
            'WorkflowOptions::withWorkflowTaskTimeout()' => fn (float $s) => WorkflowOptions::new()->withWorkflowTaskTimeout($s),
            'WorkflowOptions::withStartDelay()' => fn (float $s) => WorkflowOptions::new()->withStartDelay($s),
            'ActivityOptions::withScheduleToCloseTimeout()' => fn (float $s) => ActivityOptions::new()->withScheduleToCloseTimeout($s),
            'ActivityOptions::withScheduleToStartTimeout()' => fn (float $s) => ActivityOptions::new()->withScheduleToStartTimeout($s),
            'ActivityOptions::withStartToCloseTimeout()' => fn (float $s) => ActivityOptions::new()->withStartToCloseTimeout($s),
            'ActivityOptions::withHeartbeatTimeout()' => fn (float $s) => ActivityOptions::new()->withHeartbeatTimeout($s),
            'LocalActivityOptions::withScheduleToCloseTimeout()' => fn (float $s) => LocalActivityOptions::new()->withScheduleToCloseTimeout($s),
            'LocalActivityOptions::withScheduleToStartTimeout()' => fn (float $s) => LocalActivityOptions::new()->withScheduleToStartTimeout($s),
            'LocalActivityOptions::withStartToCloseTimeout()' => fn (float $s) => LocalActivityOptions::new()->withStartToCloseTimeout($s),
            'LocalActivityOptions::withLocalRetryThreshold()' => fn (float $s) => LocalActivityOptions::new()->withLocalRetryThreshold($s),
            'ChildWorkflowOptions::withWorkflowExecutionTimeout()' => fn (float $s) => ChildWorkflowOptions::new()->withWorkflowExecutionTimeout($s),
            'ChildWorkflowOptions::withWorkflowRunTimeout()' => fn (float $s) => ChildWorkflowOptions::new()->withWorkflowRunTimeout($s),
            'ChildWorkflowOptions::withWorkflowTaskTimeout()' => fn (float $s) => ChildWorkflowOptions::new()->withWorkflowTaskTimeout($s),
            'RetryPolicy::withInitialInterval()' => fn (float $s) => RetryPolicy::new()->withInitialInterval($s),
            'RetryPolicy::withMaximumInterval()' => fn (float $s) => RetryPolicy::new()->withMaximumInterval($s),
            'ScheduleSpec::withJitter()' => fn (float $s) => ScheduleSpec::new()->withJitter($s),
            'SchedulePolicies::withCatchupWindow()' => fn (float $s) => SchedulePolicies::new()->withCatchupWindow($s),
            'ScheduleIntervalSpec: $every' => fn (float $s) => new ScheduleIntervalSpec($s),
            'ScheduleIntervalSpec: $offset' => fn (float $s) => new ScheduleIntervalSpec(60, $s),
            'WorkerOptions::withGracefulShutdownTimeout()' => fn (float $s) => WorkerOptions::new()->withGracefulShutdownTimeout($s),
            'WorkerOptions::withDefaultHeartbeatThrottleInterval()' => fn (float $s) => WorkerOptions::new()->withDefaultHeartbeatThrottleInterval($s),
            'WorkerOptions::withMaxHeartbeatThrottleInterval()' => fn (float $s) => WorkerOptions::new()->withMaxHeartbeatThrottleInterval($s),
            'WorkerOptions::withDeadlockDetectionTimeout()' => fn (float $s) => WorkerOptions::new()->withDeadlockDetectionTimeout($s),
            'ConnectionOptions::withConnectTimeout()' => fn (float $s) => ConnectionOptions::new('localhost:7233')->withConnectTimeout($s),
            'ApplicationFailure::create(): $nextRetryDelay' => fn (float $s) => ApplicationFailure::create('m', 'T', nextRetryDelay: $s),
            'WorkflowHandle::result()' => fn (float $s) => Deadline::in($s, 'WorkflowHandle::result()'),
        ];
        $rows = [];
        foreach ($cases as $option => $set) {
            $rows[$option] = [$option, $set, false];
        }
        // Waits: a negative duration (a deadline already past) waits no time; they are checked before the
        // workflow is looked for, so they throw here, outside any workflow.
        $rows['Workflow::sleep()'] = ['Workflow::sleep()', fn (float $s) => Workflow::sleep($s), true];
        $rows['Workflow::await()'] = ['Workflow::await()', fn (float $s) => Workflow::await(fn () => false, $s), true];
        return $rows;
    }

    /** @dataProvider rates */
    public function testAWorkerRateMustBeFinite(string $option, \Closure $set): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("$option: the rate must be a finite number, got NAN");
        $set(NAN);
    }

    public static function rates(): array
    {
        return [
            'worker' => ['WorkerOptions::withWorkerActivitiesPerSecond()', fn (float $r) => WorkerOptions::new()->withWorkerActivitiesPerSecond($r)],
            'task queue' => ['WorkerOptions::withTaskQueueActivitiesPerSecond()', fn (float $r) => WorkerOptions::new()->withTaskQueueActivitiesPerSecond($r)],
        ];
    }
}
