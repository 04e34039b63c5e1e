<?php

declare(strict_types=1);

namespace TrueAsync\Temporal;

use TrueAsync\Temporal\Client\Schedule\ScheduledBy;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\Future;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\Internal\ActivityStub;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * The deterministic API of workflow code. Every call that waits suspends the workflow's Fiber until Temporal
 * resolves it from history; there is no `yield` to write. Calling these outside workflow code throws
 * \LogicException.
 */
final class Workflow
{
    private function __construct()
    {
    }

    /**
     * Runs an activity and returns its result (decoded as $returnType when given).
     *
     * @param list<mixed> $args
     * @throws TemporalFailure the activity failed; its cause says why
     */
    public static function executeActivity(string $type, array $args, ActivityOptions $options, ?string $returnType = null): mixed
    {
        Utf8::check($type, 'Workflow::executeActivity(): the activity type');
        return WorkflowRun::current()->context->executeActivity($type, $args, $options, $returnType);
    }

    /**
     * A proxy whose method calls run the activities of an #[ActivityInterface].
     *
     * @template T of object
     * @param class-string<T> $interface
     * @return T
     */
    public static function newActivityStub(string $interface, ActivityOptions $options): object
    {
        /** @var T */
        return new ActivityStub($interface, $options);
    }

    /**
     * Starts a child workflow and waits for its result (decoded as $returnType when given). Cancel it by
     * cancelling the branch (Workflow::async()) it runs in.
     *
     * @param list<mixed> $args
     * @throws TemporalFailure the child could not start, failed, was cancelled, terminated or timed out
     */
    public static function executeChildWorkflow(string $type, array $args = [], ?ChildWorkflowOptions $options = null, ?string $returnType = null): mixed
    {
        return self::startChildWorkflow($type, $args, $options, $returnType)->getResult();
    }

    /**
     * Starts a child workflow and returns once it has started, with a handle to signal it and to wait for
     * its result (decoded as $returnType when given).
     *
     * @param list<mixed> $args
     * @throws TemporalFailure the child could not start (a workflow with its id exists)
     */
    public static function startChildWorkflow(string $type, array $args = [], ?ChildWorkflowOptions $options = null, ?string $returnType = null): ChildWorkflowHandle
    {
        Utf8::check($type, 'Workflow::startChildWorkflow(): the workflow type');
        return WorkflowRun::current()->context->startChildWorkflow($type, $args, $options ?? ChildWorkflowOptions::new(), $returnType);
    }

    /**
     * Ends this run and starts a new one of the same workflow (or $workflowType) with $args and a fresh
     * history. Never returns. Don't catch \Throwable around it.
     *
     * @param list<mixed> $args
     */
    public static function continueAsNew(array $args = [], ?string $workflowType = null, ?string $taskQueue = null): never
    {
        Utf8::checkOptional($workflowType, 'Workflow::continueAsNew(): the workflow type');
        Utf8::checkOptional($taskQueue, 'Workflow::continueAsNew(): the task queue');
        WorkflowRun::current()->context->continueAsNew($args, $workflowType, $taskQueue);
    }

    /**
     * Sends a signal to another workflow and waits until it is delivered.
     *
     * @param ?string $runId the run to signal; null: the latest run of $workflowId
     * @param mixed ...$args the signal's arguments, in order (as WorkflowHandle::signal() takes them)
     * @throws TemporalFailure it could not be delivered (for example, no such workflow)
     */
    public static function signalExternalWorkflow(string $workflowId, ?string $runId, string $signal, mixed ...$args): void
    {
        Utf8::check($workflowId, 'Workflow::signalExternalWorkflow(): the workflow id');
        Utf8::checkOptional($runId, 'Workflow::signalExternalWorkflow(): the run id');
        Utf8::check($signal, 'Workflow::signalExternalWorkflow(): the signal name');
        WorkflowRun::current()->context->signalExternal($workflowId, $runId, $signal, array_values($args));
    }

    /**
     * Asks another workflow to cancel and waits until the request is recorded.
     *
     * @throws TemporalFailure the request failed (for example, no such workflow)
     */
    public static function cancelExternalWorkflow(string $workflowId, ?string $runId = null, string $reason = ''): void
    {
        Utf8::check($workflowId, 'Workflow::cancelExternalWorkflow(): the workflow id');
        Utf8::checkOptional($runId, 'Workflow::cancelExternalWorkflow(): the run id');
        Utf8::check($reason, 'Workflow::cancelExternalWorkflow(): the reason');
        WorkflowRun::current()->context->cancelExternal($workflowId, $runId, $reason);
    }

    /**
     * Handles signal $name with $handler(...$args) from now on (over an attributed method); signals of that
     * name that arrived before are delivered to it now, in order.
     */
    public static function registerSignalHandler(string $name, callable $handler): void
    {
        Utf8::check($name, 'Workflow::registerSignalHandler(): the signal name');
        WorkflowRun::current()->context->registerHandler('signal', $name, \Closure::fromCallable($handler));
    }

    /** Answers query $name with $handler(...$args) from now on; it must not wait or start anything. */
    public static function registerQueryHandler(string $name, callable $handler): void
    {
        Utf8::check($name, 'Workflow::registerQueryHandler(): the query name');
        WorkflowRun::current()->context->registerHandler('query', $name, \Closure::fromCallable($handler));
    }

    /** Handles update $name with $handler(...$args) from now on (no validator). */
    public static function registerUpdateHandler(string $name, callable $handler): void
    {
        Utf8::check($name, 'Workflow::registerUpdateHandler(): the update name');
        WorkflowRun::current()->context->registerHandler('update', $name, \Closure::fromCallable($handler));
    }

    /**
     * Handles every signal (or query, or update: $kind) that has no handler of its own:
     * $handler(string $name, EncodedArguments $args). Buffered signals are not replayed to it.
     */
    public static function registerDynamicHandler(string $kind, callable $handler): void
    {
        if (!\in_array($kind, ['signal', 'query', 'update'], true)) {
            throw new \ValueError('$kind must be "signal", "query" or "update"');
        }
        WorkflowRun::current()->context->registerHandler($kind, '*', \Closure::fromCallable($handler));
    }

    /** Whether no signal or update handler is still running: await it before returning. */
    public static function allHandlersFinished(): bool
    {
        return WorkflowRun::current()->context->allHandlersFinished();
    }

    /**
     * Runs a local activity: in this worker, without a round trip through the task queue; for short work.
     *
     * @param list<mixed> $args
     * @throws TemporalFailure it failed for good (after its retries)
     */
    public static function executeLocalActivity(string $type, array $args, LocalActivityOptions $options, ?string $returnType = null): mixed
    {
        Utf8::check($type, 'Workflow::executeLocalActivity(): the activity type');
        return WorkflowRun::current()->context->executeLocalActivity($type, $args, $options, $returnType);
    }

    /**
     * Like newActivityStub(), for local activities.
     *
     * @template T of object
     * @param class-string<T> $interface
     * @return T
     */
    public static function newLocalActivityStub(string $interface, LocalActivityOptions $options): object
    {
        /** @var T */
        return new ActivityStub($interface, $options);
    }

    /**
     * Sets the values of $attributes on this run and removes the keys it removes
     * (SearchAttributes::withoutValue()); keys must be registered on the namespace. getSearchAttributes()
     * shows the result at once, describe() once the workflow task completes.
     */
    public static function upsertSearchAttributes(SearchAttributes $attributes): void
    {
        WorkflowRun::current()->context->upsertSearchAttributes($attributes);
    }

    /** The run's search attributes: those it started with, plus its own upserts. */
    public static function getSearchAttributes(): SearchAttributes
    {
        return WorkflowRun::current()->info->searchAttributes;
    }

    /** The schedule that started this run and the time its action was due; null: not started by one. */
    public static function getScheduledBy(): ?ScheduledBy
    {
        return ScheduledBy::fromSearchAttributes(WorkflowRun::current()->info->searchAttributes);
    }

    /** @param array<string, mixed> $values memo fields to add or replace */
    public static function upsertMemo(array $values): void
    {
        WorkflowRun::current()->context->upsertMemo($values);
    }

    /**
     * Waits $seconds of workflow time (a durable timer); 0 or less returns at once.
     *
     * @throws \ValueError $seconds is NaN or infinite
     */
    public static function sleep(float $seconds): void
    {
        $seconds = ProtoTime::waitSeconds($seconds, 'Workflow::sleep()');
        WorkflowRun::current()->context->sleep($seconds);
    }

    /** Same as sleep(), under the name other SDKs use. */
    public static function timer(float $seconds): void
    {
        self::sleep($seconds);
    }

    /**
     * Waits until $condition() is true; with a timeout, returns false when the time passes first.
     *
     * @throws \ValueError $timeoutSeconds is NaN or infinite
     */
    public static function await(callable $condition, ?float $timeoutSeconds = null): bool
    {
        $timeout = $timeoutSeconds === null ? null : ProtoTime::waitSeconds($timeoutSeconds, 'Workflow::await()');
        return WorkflowRun::current()->context->await(\Closure::fromCallable($condition), $timeout);
    }

    /**
     * Runs $branch concurrently with the caller (in a Fiber of its own); await the returned Future.
     * Branches run in a stable order, so replays interleave them the same way.
     */
    public static function async(callable $branch): Future
    {
        return WorkflowRun::current()->context->async(\Closure::fromCallable($branch));
    }

    /**
     * Like async(), but the branch is not cancelled when the workflow (or the caller's scope) is: for cleanup
     * that must finish while the workflow is being cancelled. Future::cancel() still cancels it.
     */
    public static function asyncDetached(callable $branch): Future
    {
        return WorkflowRun::current()->context->async(\Closure::fromCallable($branch), true);
    }

    /**
     * Whether the workflow has been asked to cancel. Its waits then end with a CanceledFailure, and so does
     * every wait started later outside asyncDetached() branches (joining a Future is not such a wait).
     */
    public static function isCancelRequested(): bool
    {
        return WorkflowRun::current()->context->isCancelRequested();
    }

    /**
     * Waits for every future; returns their results in the same order (keys kept).
     *
     * @param array<Future> $futures
     * @return array<mixed>
     * @throws \Throwable the first failure, in order of the array, once all are done
     */
    public static function awaitAll(array $futures): array
    {
        WorkflowRun::current()->context->join(
            fn (): bool => array_reduce($futures, fn (bool $all, Future $f) => $all && $f->isDone(), true),
        );
        return array_map(fn (Future $f) => $f->await(), $futures);
    }

    /**
     * Waits until one future is done and returns its key (the first done in array order).
     *
     * @param array<Future> $futures
     */
    public static function awaitAny(array $futures): int|string
    {
        $done = null;
        WorkflowRun::current()->context->join(function () use ($futures, &$done): bool {
            foreach ($futures as $key => $future) {
                if ($future->isDone()) {
                    $done = $key;
                    return true;
                }
            }
            return false;
        });
        return $done;
    }

    /** Deterministic randomness: the same numbers on every replay of this run. */
    public static function random(): \Random\Randomizer
    {
        return WorkflowRun::current()->context->random();
    }

    /** A deterministic version 4 UUID, drawn from random(). */
    public static function uuid4(): string
    {
        return WorkflowRun::current()->context->uuid4();
    }

    /**
     * Guards a code change: true for runs that reach this point on new code (a marker is recorded), false
     * when replaying a history recorded before the change. Patches are booleans, not versions; histories
     * recorded by the RoadRunner SDK's getVersion() cannot be replayed by this SDK.
     */
    public static function patched(string $patchId): bool
    {
        Utf8::check($patchId, 'Workflow::patched(): the patch id');
        return WorkflowRun::current()->context->patched($patchId);
    }

    /** Marks a patch deprecated once no history without it can be replayed anymore. */
    public static function deprecatePatch(string $patchId): void
    {
        Utf8::check($patchId, 'Workflow::deprecatePatch(): the patch id');
        WorkflowRun::current()->context->patched($patchId, true);
    }

    /** The workflow's clock: the time of the current activation, the same on every replay. */
    public static function now(): \DateTimeImmutable
    {
        return WorkflowRun::current()->context->now();
    }

    public static function getInfo(): WorkflowInfo
    {
        return WorkflowRun::current()->context->getInfo();
    }

    /** A PSR-3 logger (WorkerOptions::withLogger()) that drops records while the run replays history. */
    public static function getLogger(): \Psr\Log\LoggerInterface
    {
        return WorkflowRun::current()->logger();
    }

    /**
     * Custom metrics labelled with this run's namespace, task queue and workflow type; they record nothing
     * while the run replays history, so a rebuilt run does not count twice (Metrics\MetricMeter).
     */
    public static function getMetricMeter(): Metrics\MetricMeter
    {
        $context = WorkflowRun::current()->context;
        $info = $context->getInfo();
        return Metrics\MetricMeter::create(
            ['namespace' => $info->namespace, 'task_queue' => $info->taskQueue, 'workflow_type' => $info->workflowType],
            static fn (): bool => !$context->isReplaying(),
        );
    }

    /** True while history is being replayed: skip side effects such as logging. */
    public static function isReplaying(): bool
    {
        return WorkflowRun::current()->context->isReplaying();
    }
}
