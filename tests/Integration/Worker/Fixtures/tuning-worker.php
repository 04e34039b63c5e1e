<?php

// A worker process for WorkerTuningTest, on TASK_QUEUE until SIGTERM, tuned as MODE says:
//   php -d extension=temporal.so tuning-worker.php MODE TASK_QUEUE
// "fixed-one" and "resource-one": a tuner giving one activity slot (fixed / resource-based); "autoscaling":
// poller autoscaling for both kinds; "sticky-12s": a 12 s sticky schedule-to-start timeout; "plain": defaults.

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Runtime\Runtime;
use TrueAsync\Temporal\Runtime\RuntimeOptions;
use TrueAsync\Temporal\Worker\PollerBehavior;
use TrueAsync\Temporal\Worker\SlotSupplier;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Worker\WorkerTuner;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

require __DIR__ . '/../../../bootstrap.php';

/** Two activities at once; each says when it ran (Unix seconds): [[start, end], [start, end]]. */
#[WorkflowInterface]
final class TuningPairWorkflow
{
    #[WorkflowMethod(name: 'PhpTuningPair')]
    public function run(): array
    {
        $options = ActivityOptions::new()->withStartToCloseTimeout(30);
        return Workflow::awaitAll([
            Workflow::async(fn () => Workflow::executeActivity('tuning.span', [], $options)),
            Workflow::async(fn () => Workflow::executeActivity('tuning.span', [], $options)),
        ]);
    }
}

/** Waits for the signal "go". */
#[WorkflowInterface]
final class TuningSignalWorkflow
{
    private bool $go = false;

    #[WorkflowMethod(name: 'PhpTuningSignal')]
    public function run(): string
    {
        Workflow::await(fn (): bool => $this->go);
        return 'went';
    }

    #[SignalMethod]
    public function go(): void
    {
        $this->go = true;
    }
}

[, $mode, $queue] = $argv + ['', '', ''];
// Heartbeats every second: the server's ListWorkers then shows how the core runs this worker's pollers.
Runtime::configure(RuntimeOptions::new()->withWorkerHeartbeatInterval(1));
$options = WorkerOptions::new();
$options = match ($mode) {
    'fixed-one' => $options->withTuner(WorkerTuner::new()->withActivitySlots(SlotSupplier::fixed(1))),
    'resource-one' => $options->withTuner(WorkerTuner::new()->withResourceTargets(1.0, 1.0)
        ->withActivitySlots(SlotSupplier::resourceBased(minSlots: 1, maxSlots: 1))),
    'autoscaling' => $options->withWorkflowTaskPollerBehavior(PollerBehavior::autoscaling(1, 10, 2))
        ->withActivityTaskPollerBehavior(PollerBehavior::autoscaling(1, 10, 2)),
    'sticky-12s' => $options->withStickyQueueScheduleToStartTimeout(12),
    'plain' => $options,
};
$factory = WorkerFactory::create(Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS'))));
$factory->newWorker($queue, $options)
    ->registerWorkflowTypes(TuningPairWorkflow::class, TuningSignalWorkflow::class)
    // Suspends only its Fiber for 0.3 s (no shutdown comes): two can overlap when two slots allow it.
    ->registerActivityCallable('tuning.span', static function (): array {
        $start = microtime(true);
        Activity::awaitWorkerShutdown(0.3);
        return [$start, microtime(true)];
    });
echo "worker ready\n";
$factory->run();
echo "worker stopped\n";
