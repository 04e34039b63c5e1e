<?php

// The workflow of the replay scenario, shared by php_worker.php (--role replay, which runs it to record the
// histories) and bench/replay/php_replay.php (which replays them). The Python twin is in python_worker.py.
//
// BenchReplay: 5 sequential "noop" activities, one 0.1 s timer, 5 more "noop" activities (start-to-close 10 s,
// one attempt each): 12 workflow tasks per clean history. BenchReplayChanged is the same workflow type after a
// careless change (the timer first), the replayers' negative control: replaying a BenchReplay history against it
// must be reported non-deterministic.

declare(strict_types=1);

use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class BenchReplay
{
    public const ACTIVITIES = 10;
    public const TIMER_AFTER = 5;
    public const TIMER_SECONDS = 0.1;

    #[WorkflowMethod(name: 'BenchReplay')]
    public function run(): void
    {
        for ($i = 0; $i < self::ACTIVITIES; $i++) {
            if ($i === self::TIMER_AFTER) {
                Workflow::sleep(self::TIMER_SECONDS);
            }
            Workflow::executeActivity('noop', [], self::activityOptions());
        }
    }

    public static function activityOptions(): ActivityOptions
    {
        return ActivityOptions::new()
            ->withStartToCloseTimeout(10)
            ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1));  // a failed activity fails the run
    }
}

#[WorkflowInterface]
final class BenchReplayChanged
{
    #[WorkflowMethod(name: 'BenchReplay')]
    public function run(): void
    {
        Workflow::sleep(BenchReplay::TIMER_SECONDS);
        (new BenchReplay())->run();
    }
}
