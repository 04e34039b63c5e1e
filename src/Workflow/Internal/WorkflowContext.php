<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityResolution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelTimer;
use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ModifyWorkflowProperties;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\UpsertWorkflowSearchAttributes;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ContinueAsNewWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\StartTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\CancelExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ContinueAsNewInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteLocalActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\SignalExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\StartChildWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\TimerInput;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\Future;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * The blessed calls of one run: each takes the next sequence number of its kind, adds its command, and
 * suspends the calling Fiber until the core resolves it.
 *
 * @internal
 */
final class WorkflowContext
{
    public function __construct(private readonly WorkflowRun $run)
    {
    }

    public function getInfo(): WorkflowInfo
    {
        return $this->run->interceptors->outbound->call('getInfo', null, fn (): WorkflowInfo => $this->run->info);
    }

    public function now(): \DateTimeImmutable
    {
        return $this->run->now();
    }

    public function isReplaying(): bool
    {
        return $this->run->isReplaying();
    }

    /**
     * Runs $branch in a Fiber of its own, started after the caller's next wait (FIFO, deterministic), in a
     * cancellation scope of its own: a child of the caller's, or detached from it.
     */
    public function async(\Closure $branch, bool $detached = false): Future
    {
        $scope = new CancellationScope($this->run->scopes->current(), $detached);
        $future = new Future(fn () => $this->run->cancelScope($scope));
        $this->run->startHandler(static function () use ($branch, $future): void {
            try {
                $future->settle($branch(), null);
            } catch (\Throwable $e) {
                $future->settle(null, $e);
            }
        }, $scope);
        return $future;
    }

    /** @param list<mixed> $args */
    public function startChildWorkflow(string $type, array $args, ChildWorkflowOptions $options, ?string $returnType): ChildWorkflowHandle
    {
        return $this->outbound('startChildWorkflow', new StartChildWorkflowInput($type, $args, $options, $returnType,
            $this->header()), fn (StartChildWorkflowInput $input) => (new ChildWorkflows($this->run))->start($input));
    }

    /**
     * @param list<mixed> $args
     * @throws ContinueAsNew always
     */
    public function continueAsNew(array $args, ?string $workflowType, ?string $taskQueue): never
    {
        $this->run->assertMayAct();
        $input = new ContinueAsNewInput($workflowType ?? $this->run->info->workflowType, $args,
            $taskQueue ?? $this->run->info->taskQueue, $this->header());
        $this->outbound('continueAsNew', $input, function (ContinueAsNewInput $input): never {
            throw new ContinueAsNew(new ContinueAsNewWorkflowExecution([
                'workflow_type' => $input->workflowType,
                'task_queue' => $input->taskQueue,
                'arguments' => iterator_to_array($this->run->converter->toPayloads($input->args)->getPayloads(), false),
                'headers' => $input->header->toMessage(),
            ]));
        });
        throw new \LogicException('a continueAsNew interceptor returned instead of letting through what $next threw');
    }

    public function registerHandler(string $kind, string $name, \Closure $handler): void
    {
        $this->run->registerHandler($kind, $name, $handler);
    }

    public function allHandlersFinished(): bool
    {
        return $this->run->handlers->allFinished();
    }

    /**
     * @param list<mixed> $args
     * @throws TemporalFailure the signal could not be delivered (no such workflow, …)
     */
    public function signalExternal(string $workflowId, ?string $runId, string $signal, array $args): void
    {
        $this->outbound('signalExternalWorkflow', new SignalExternalWorkflowInput($workflowId, $runId, $signal, $args,
            $this->header()), fn (SignalExternalWorkflowInput $input) => (new ExternalWorkflows($this->run))->signal($input));
    }

    /** @throws TemporalFailure the cancellation could not be requested (no such workflow, …) */
    public function cancelExternal(string $workflowId, ?string $runId, string $reason): void
    {
        $this->outbound('cancelExternalWorkflow', new CancelExternalWorkflowInput($workflowId, $runId, $reason),
            fn (CancelExternalWorkflowInput $input) => (new ExternalWorkflows($this->run))->cancel($input));
    }

    /** Runs the outbound interceptors' $hook around $last, in the calling Fiber. */
    private function outbound(string $hook, object $input, \Closure $last): mixed
    {
        return $this->run->interceptors->outbound->call($hook, $input, $last);
    }

    /** The header an outbound call starts with: empty, until an interceptor sets values. */
    private function header(): Header
    {
        return Header::empty($this->run->converter);
    }

    /**
     * Sets the values of $attributes and removes its removed keys on this run (visible to describe once the
     * task completes), and the same on the run's own view.
     */
    public function upsertSearchAttributes(SearchAttributes $attributes): void
    {
        $this->run->command(new WorkflowCommand(['upsert_workflow_search_attributes' => new UpsertWorkflowSearchAttributes([
            'search_attributes' => SearchAttributeCodec::toUpsertMessage($attributes),
        ])]));
        $this->run->info->searchAttributes = $this->run->info->searchAttributes->merge($attributes);
    }

    /** @param array<string, mixed> $values memo fields to add or replace */
    public function upsertMemo(array $values): void
    {
        $fields = [];
        foreach ($values as $name => $value) {
            $fields[$name] = $this->run->converter->toPayloads([$value], "memo field \"$name\"")->getPayloads()[0];
        }
        $this->run->command(new WorkflowCommand(['modify_workflow_properties' => new ModifyWorkflowProperties([
            'upserted_memo' => new Memo(['fields' => $fields]),
        ])]));
        $this->run->info->upsertMemo($fields);
    }

    public function isCancelRequested(): bool
    {
        return $this->run->isCancelRequested();
    }

    /** The run's randomness: seeded by the core, so replays draw the same numbers; reseeded on reset. */
    public function random(): \Random\Randomizer
    {
        return $this->run->randomizer();
    }

    /** A version 4 UUID drawn from random(). */
    public function uuid4(): string
    {
        $bytes = $this->run->randomizer()->getBytes(16);
        $bytes[6] = \chr((\ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = \chr((\ord($bytes[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }

    /** Whether this run takes the patched code path for $patchId (memoized; recorded in history). */
    public function patched(string $patchId, bool $deprecated = false): bool
    {
        return $this->run->patches->patched($this->run, $patchId, $deprecated);
    }

    /**
     * @param list<mixed> $args
     * @throws TemporalFailure the activity failed (an ActivityFailure whose cause says why)
     */
    public function executeActivity(string $type, array $args, ActivityOptions $options, ?string $returnType): mixed
    {
        return $this->outbound('executeActivity', new ExecuteActivityInput($type, $args, $options, $returnType,
            $this->header()), $this->scheduleActivity(...));
    }

    /** @throws TemporalFailure */
    private function scheduleActivity(ExecuteActivityInput $input): mixed
    {
        $this->run->throwIfCancelled();
        $seq = $this->run->nextSequence('activity');
        $this->run->command(new WorkflowCommand(['schedule_activity' => $this->schedule($seq, $input)]));
        return $this->run->suspend(
            'activity',
            $seq,
            fn (ActivityResolution $resolution) => $this->activityResult($resolution, $input->returnType),
            function () use ($seq): bool {
                // The core answers as the cancellation type says: cancelled at once (TryCancel, Abandon), or
                // once the activity ended (WaitCancellationCompleted), with its result if it completed.
                $this->run->command(new WorkflowCommand(['request_cancel_activity' => new RequestCancelActivity(['seq' => $seq])]));
                return true;
            },
        );
    }

    /** Workflow::sleep(): timer(), through the outbound interceptors. */
    public function sleep(float $seconds): void
    {
        $this->outbound('timer', new TimerInput($seconds), fn (TimerInput $input) => $this->timer($input->seconds));
    }

    public function timer(float $seconds): void
    {
        $this->run->throwIfCancelled();
        if ($seconds <= 0) {
            return;
        }
        $seq = $this->startTimer($seconds);
        $this->run->suspend('timer', $seq, fn () => null, fn (): bool => $this->cancelTimer($seq));
    }

    /**
     * Waits until $condition is true, re-checked after every state change; with a timeout, returns false when
     * it passes first.
     */
    public function await(\Closure $condition, ?float $timeoutSeconds): bool
    {
        $this->run->throwIfCancelled();
        if ($condition()) {
            return true;
        }
        $conditionId = $this->run->waitUntil($condition);
        $timer = $timeoutSeconds === null ? null : $this->startTimer(max($timeoutSeconds, 0.001));
        if ($timer === null) {
            return \Fiber::suspend();
        }
        $fired = $this->run->suspend('timer', $timer, fn () => false, fn (): bool => $this->cancelTimer($timer));
        if ($fired === false) {
            $this->run->dropCondition($conditionId);
            return false;
        }
        // The condition woke us first: the timer will never be waited for.
        $this->run->forget('timer', $timer);
        $this->cancelTimer($timer);
        return true;
    }

    /**
     * Waits until $condition is true whatever happens to the caller's scope: joining a branch is not a wait of
     * the caller's own (a cancelled workflow can still wait for its detached cleanup).
     */
    public function join(\Closure $condition): void
    {
        if (!$condition()) {
            $this->run->waitUntil($condition, cancellable: false);
            \Fiber::suspend();
        }
    }

    /** A cancelled timer never fires: the wait ends here (false = wake the waiter now). */
    private function cancelTimer(int $seq): bool
    {
        $this->run->command(new WorkflowCommand(['cancel_timer' => new CancelTimer(['seq' => $seq])]));
        return false;
    }

    private function startTimer(float $seconds): int
    {
        $seq = $this->run->nextSequence('timer');
        $this->run->command(new WorkflowCommand(['start_timer' => new StartTimer([
            'seq' => $seq,
            'start_to_fire_timeout' => ProtoTime::toDuration($seconds),
        ])]));
        return $seq;
    }

    private function schedule(int $seq, ExecuteActivityInput $input): ScheduleActivity
    {
        $options = $input->options;
        [$scheduleToClose, $scheduleToStart, $startToClose, $heartbeat] = $options->getTimeouts();
        if ($scheduleToClose <= 0 && $startToClose <= 0) {
            throw new \LogicException("activity {$input->activityType} needs a start-to-close or schedule-to-close timeout");
        }
        $command = new ScheduleActivity([
            'seq' => $seq,
            'activity_id' => (string) $seq,
            'activity_type' => $input->activityType,
            'task_queue' => $options->getTaskQueue() ?? $this->run->info->taskQueue,
            'arguments' => iterator_to_array($this->run->converter->toPayloads($input->args)->getPayloads(), false),
            'headers' => $input->header->toMessage(),
            'cancellation_type' => $options->getCancellationType()->value,
        ]);
        if ($options->getRetryPolicy() !== null) {
            $command->setRetryPolicy($options->getRetryPolicy()->toMessage());
        }
        foreach (['schedule_to_close_timeout' => $scheduleToClose, 'schedule_to_start_timeout' => $scheduleToStart,
            'start_to_close_timeout' => $startToClose, 'heartbeat_timeout' => $heartbeat] as $field => $seconds) {
            if ($seconds > 0) {
                $command->{'set' . str_replace('_', '', ucwords($field, '_'))}(ProtoTime::toDuration($seconds));
            }
        }
        return $command;
    }

    /**
     * @param list<mixed> $args
     * @throws TemporalFailure the local activity failed for good
     */
    public function executeLocalActivity(string $type, array $args, LocalActivityOptions $options, ?string $returnType): mixed
    {
        return $this->outbound('executeLocalActivity', new ExecuteLocalActivityInput($type, $args, $options, $returnType,
            $this->header()), fn (ExecuteLocalActivityInput $input) => (new LocalActivities($this->run, $this))->execute($input));
    }

    /** @throws TemporalFailure */
    public function activityResult(ActivityResolution $resolution, ?string $returnType): mixed
    {
        $converter = $this->run->converter;
        return match ($resolution->getStatus()) {
            'completed' => $converter->fromPayloads(
                new Payloads(['payloads' => array_filter([$resolution->getCompleted()->getResult()])]),
                [$returnType],
            )[0] ?? null,
            'failed' => throw $converter->getFailureConverter()->toException($resolution->getFailed()->getFailure(), $converter),
            'cancelled' => throw $converter->getFailureConverter()->toException($resolution->getCancelled()->getFailure(), $converter),
            default => throw new \LogicException('activity resolution "' . $resolution->getStatus() . '" is not supported yet'),
        };
    }
}
