<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache\EvictionReason;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceExplainer;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;

/**
 * A live worker's half of the non-determinism explainer. The core reports a mismatch only as an eviction, and
 * a worker gets activations, never the history: so the run's history is fetched (GetWorkflowExecutionHistory)
 * after the eviction, in a Fiber of its own so activations go on meanwhile, and the report is logged at error
 * level (error_log() when the worker has no logger), once per run: not again for each retry of the task.
 * The workflow task itself fails with the core's message.
 *
 * @internal
 */
final class NondeterminismReporter
{
    /** The server retries the failed task, and each retry fails the same way: one report per run is enough. */
    private const REMEMBERED_RUNS = 1000;

    /** @var array<string, true> run ids already reported, oldest first */
    private array $reported = [];

    public function __construct(
        private readonly Client $client,
        private readonly FiberScheduler $scheduler,
        private readonly ?\Psr\Log\LoggerInterface $logger,
    ) {
    }

    /** @param list<ProducedCommand> $produced */
    public function onEviction(string $workflowId, RemoveFromCache $eviction, string $runId, array $produced): void
    {
        $reason = $eviction->getReason();
        if ($reason !== EvictionReason::NONDETERMINISM || $produced === [] || isset($this->reported[$runId])) {
            return;
        }
        $this->reported[$runId] = true;
        if (\count($this->reported) > self::REMEMBERED_RUNS) {
            unset($this->reported[array_key_first($this->reported)]);
        }
        $this->scheduler->spawn(fn () => $this->report($workflowId, $runId, $eviction->getMessage(), $produced));
    }

    /** @param list<ProducedCommand> $produced */
    private function report(string $workflowId, string $runId, string $coreMessage, array $produced): void
    {
        try {
            $history = $this->client->getHandle($workflowId, $runId)->fetchHistory()->getHistory();
            $recorded = RecordedStep::fromHistory($history, $this->client->getDataConverter());
            $report = DivergenceExplainer::explain($recorded, $produced);
            $explanation = $report->render();
        } catch (\Throwable $e) {
            $explanation = 'no explanation: fetching the history failed: ' . $e->getMessage();
        }
        $message = "workflow $workflowId (run $runId) is not deterministic: $coreMessage\n$explanation";
        if ($this->logger === null) {
            error_log($message);
            return;
        }
        $this->logger->error('workflow task failed: the code is not deterministic', ['workflow_id' => $workflowId,
            'run_id' => $runId, 'core_message' => $coreMessage, 'explanation' => $explanation]);
    }
}
