<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\RemoveFromCache\EvictionReason;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Core\Replayer;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\WorkflowReplayException;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceExplainer;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceReport;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;
use TrueAsync\Temporal\Workflow\Internal\WorkflowInterceptors;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRegistry;
use TrueAsync\Temporal\Workflow\Internal\WorkflowTaskRunner;

/**
 * Replays recorded histories against the registered workflow classes, with no server: the core's own
 * replay worker reads the history and checks the commands the code produces; PHP interprets no history.
 * Use it in CI to prove a code change is compatible with the runs already in flight.
 */
final class WorkflowReplayer
{
    private const NAMESPACE = 'default';

    private WorkflowRegistry $workflows;
    private WorkflowInterceptors $interceptors;
    private bool $explainer = true;

    public function __construct(private readonly ?DataConverter $converter = null)
    {
        $this->workflows = new WorkflowRegistry();
        $this->interceptors = new WorkflowInterceptors();
    }

    /** @internal a worker's registrations, shared: WorkerFactory::runWithReload() replays with the worker's own */
    public static function ofRegistry(WorkflowRegistry $workflows, WorkflowInterceptors $interceptors, DataConverter $converter): self
    {
        $replayer = new self($converter);
        $replayer->workflows = $workflows;
        $replayer->interceptors = $interceptors;
        return $replayer;
    }

    /**
     * Replays with these workflow interceptors (replacing any given before), as a worker built with them
     * runs the workflows: the first is outermost. Their hooks run as on a worker, with
     * Workflow::isReplaying() true throughout.
     */
    public function registerInterceptors(Interceptor ...$interceptors): self
    {
        $this->interceptors = new WorkflowInterceptors(array_values($interceptors));
        return $this;
    }

    /**
     * Whether a non-determinism failure carries the explainer's report: history and code side by side, each
     * command with the file and line that produced it, and the likely change (docs/nondeterminism.md). On by
     * default. A history the code diverges from is replayed a second time, recording each command's file and
     * line; compatible histories cost nothing more (make bench, "replay").
     */
    public function withNondeterminismExplainer(bool $enabled = true): self
    {
        $this->explainer = $enabled;
        return $this;
    }

    /**
     * @param class-string ...$workflowClasses
     * @throws \LogicException a class is not a valid workflow, or its type name is taken
     */
    public function registerWorkflowTypes(string ...$workflowClasses): self
    {
        foreach ($workflowClasses as $class) {
            $this->workflows->register($class);
        }
        return $this;
    }

    /** @throws WorkflowReplayException the code is not deterministic with respect to the history, or failed */
    public function replayHistory(WorkflowHistory $history): void
    {
        $failure = $this->replayHistories([$history])[$history->getWorkflowId()] ?? null;
        if ($failure !== null) {
            throw $failure;
        }
    }

    /**
     * Replays every `*.json` history in $directory (as `temporal workflow show --output json` writes them, or
     * WorkflowHistory::toJson()), each named by its file: returns a result per file name, null when it replayed.
     *
     * @return array<string, ?WorkflowReplayException> by file name, in name order
     * @throws \ValueError $directory is not a readable directory, or a file is not a history
     */
    public function replayHistoriesFromDirectory(string $directory): array
    {
        $files = is_dir($directory) ? glob(rtrim($directory, '/') . '/*.json') : false;
        if ($files === false) {
            throw new \ValueError("WorkflowReplayer::replayHistoriesFromDirectory(): \"$directory\" is not a directory");
        }
        sort($files);
        $histories = [];
        foreach ($files as $file) {
            // The workflow id only names the run in the replayer: the file name is as unique.
            try {
                $histories[basename($file)] = WorkflowHistory::fromJson(basename($file), (string) file_get_contents($file));
            } catch (\ValueError $e) {
                throw new \ValueError("WorkflowReplayer::replayHistoriesFromDirectory(): $file: {$e->getMessage()}");
            }
        }
        $failures = $this->replayHistories($histories);
        return array_map(static fn (string $name): ?WorkflowReplayException => $failures[$name] ?? null,
            array_combine(array_keys($histories), array_keys($histories)));
    }

    /**
     * Replays every history (one replayer, in order) and returns the failures by workflow id.
     *
     * With the explainer on, a history that diverges is replayed once more, recording the file and line of each
     * command, for its report: compatible histories replay at full speed (make bench, "replay").
     *
     * @param iterable<WorkflowHistory> $histories
     * @return array<string, WorkflowReplayException>
     */
    public function replayHistories(iterable $histories): array
    {
        [$failures, $diverged] = $this->replayPass($histories, false);
        if ($this->explainer && $diverged !== []) {
            // Code that diverges differently the second time keeps its first verdict, without a report.
            $explained = array_filter($this->replayPass($diverged, true)[0],
                static fn (WorkflowReplayException $e): bool => $e->getReport() !== null);
            $failures = array_replace($failures, $explained);
        }
        return $failures;
    }

    /**
     * One replayer over $histories; with $record, every run keeps its commands and a divergence is explained.
     *
     * @param iterable<WorkflowHistory> $histories
     * @return array{array<string, WorkflowReplayException>, array<string, WorkflowHistory>} the failures and
     *     the histories the code diverged from, by workflow id
     */
    private function replayPass(iterable $histories, bool $record): array
    {
        $queue = 'replay-' . bin2hex(random_bytes(6));
        $replayer = new Replayer(WorkerOptions::new()->withMaxCachedWorkflows(1)->toJson(self::NAMESPACE, $queue, true, false));
        $scheduler = new FiberScheduler();
        $runner = new WorkflowTaskRunner($replayer->getWorker(), $scheduler, $this->workflows,
            $this->converter ?? DataConverter::default(), self::NAMESPACE, $queue, interceptors: $this->interceptors,
            recordCommands: $record);
        $failures = [];
        $diverged = [];
        $pushed = [];  // workflow id => history, for the explainer
        $runner->onEviction(function (string $workflowId, RemoveFromCache $eviction, string $runId, array $produced)
            use (&$failures, &$pushed, &$diverged, $record): void {
            $history = $pushed[$workflowId] ?? null;
            $failures[$workflowId] ??= $this->verdict($workflowId, $eviction, $history, $record ? $produced : null);
            if ($history !== null && $failures[$workflowId]?->isNonDeterminism()) {
                $diverged[$workflowId] = $history;
            }
        });
        $scheduler->spawn(function () use ($replayer, $scheduler, $histories, &$pushed): void {
            foreach ($histories as $history) {
                $pushed[$history->getWorkflowId()] = $history;
                $scheduler->await($replayer->startPushHistory($history->getWorkflowId(), $history->getHistory()->serializeToString()));
            }
            $replayer->close();
        });
        $pollers = 2;
        $finalize = function () use (&$pollers, $scheduler, $replayer): void {
            if (--$pollers === 0) {
                $scheduler->await($replayer->getWorker()->startFinalizeShutdown());
            }
        };
        $scheduler->spawn(function () use ($runner, $finalize): void {
            $runner->pollUntilShutdown();
            $finalize();
        });
        // Local activities are resolved from the history's markers; the poll only has to see the shutdown.
        $scheduler->spawn(function () use ($scheduler, $replayer, $finalize): void {
            while ($scheduler->await($replayer->getWorker()->startPollActivityTask()) !== null) {
            }
            $finalize();
        });
        $scheduler->run();
        return [array_filter($failures), $diverged];
    }

    /** @param ?list<ProducedCommand> $produced the run's commands when recorded: the divergence is explained */
    private function verdict(string $workflowId, RemoveFromCache $eviction, ?WorkflowHistory $history, ?array $produced): ?WorkflowReplayException
    {
        // Built only for a mismatch: every replay ends in an eviction, and reading the history costs ~0.1 ms.
        $explain = fn (): ?DivergenceReport => $produced !== null && $history !== null
            ? DivergenceExplainer::explain(RecordedStep::fromHistory($history->getHistory(), $this->converter), $produced)
            : null;
        return match ($eviction->getReason()) {
            EvictionReason::NONDETERMINISM => WorkflowReplayException::nonDeterminism($workflowId, $eviction->getMessage(), $explain()),
            EvictionReason::LANG_FAIL => WorkflowReplayException::failed($workflowId, $eviction->getMessage()),
            default => null,
        };
    }
}
