<?php

// The workflows and activities of the stress scenarios. Every result is a pure function of the input and the
// signals sent (stress/harness/workload.py computes the same), so a run under faults must return exactly what a
// fault-free run returns.

declare(strict_types=1);

namespace Stress;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** The value activity `stress.compute` returns for a step; mirrored by workload.compute() in Python. */
function compute(int $id, int $step): int
{
    return ($id * 7919 + $step * 104729) % 1000003;
}

/**
 * Retried without limit, 1 s apart: an activity whose completion a fault lost runs again after its
 * start-to-close timeout (the at-least-once repeats the scenarios count) and the workflow still completes.
 */
function activityOptions(): ActivityOptions
{
    return ActivityOptions::new()
        ->withStartToCloseTimeout(10)
        ->withRetryPolicy(RetryPolicy::new()->withInitialInterval(1)->withBackoffCoefficient(1.0));
}

/**
 * `steps` activities, a timer after each, then waits for `signals` "add" signals. Input: {id, steps, timer,
 * signals, work} (work: seconds each activity runs). Result: {id, acc, signals, repeated_signals} with the
 * signals sorted, since their order is the client's, not the workflow's.
 */
#[WorkflowInterface]
final class StressWorkflow
{
    /** @var list<int> */
    private array $signals = [];
    private int $repeatedSignals = 0;

    #[WorkflowMethod(name: 'StressWorkflow')]
    public function run(array $input): array
    {
        $acc = 0;
        for ($step = 0; $step < $input['steps']; $step++) {
            $acc += Workflow::executeActivity(
                'stress.compute',
                [$input['id'], $step, $input['work']],
                activityOptions(),
                'int',
            );
            Workflow::sleep($input['timer']);
        }
        Workflow::await(fn (): bool => \count($this->signals) >= $input['signals']);
        $signals = $this->signals;
        sort($signals);
        return ['id' => $input['id'], 'acc' => $acc, 'signals' => $signals, 'repeated_signals' => $this->repeatedSignals];
    }

    /** Each value counts once: a signal the client sent again after a fault hid its answer is a repeat. */
    #[SignalMethod(name: 'add')]
    public function add(int $value): void
    {
        \in_array($value, $this->signals, true) ? $this->repeatedSignals++ : $this->signals[] = $value;
    }
}

/** One activity, the soak's workflow: the bench's one-activity workflow with the stress activity log. */
#[WorkflowInterface]
final class StressOneActivity
{
    #[WorkflowMethod(name: 'StressOneActivity')]
    public function run(int $id): int
    {
        return Workflow::executeActivity('stress.compute', [$id, 0, 0.0], activityOptions(), 'int');
    }
}

/**
 * `stress.compute`: logs its start and its end (workflow id, step, attempt, pid) to the activity log, so the
 * scenarios count every execution, and runs `work` seconds in 20 ms slices, heartbeating between them so the
 * worker's other Fibers run meanwhile (stock PHP has no other way to wait without blocking the process).
 */
final class ComputeActivity
{
    public function __construct(private readonly JsonLines $log)
    {
    }

    public function __invoke(int $id, int $step, float $work): int
    {
        $info = Activity::getInfo();
        $record = ['wf' => $info->workflowId, 'step' => $step, 'attempt' => $info->attempt, 'pid' => getmypid()];
        $this->log->write(['e' => 'start'] + $record);
        $until = hrtime(true) + (int) ($work * 1e9);
        while (hrtime(true) < $until) {
            usleep(20_000);
            Activity::heartbeat();
        }
        $this->log->write(['e' => 'end'] + $record);
        return compute($id, $step);
    }
}
