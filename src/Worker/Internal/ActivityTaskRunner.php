<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Cancellation;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Failure as FailureResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Success;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\WillCompleteAsync;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\ActivityTask;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Api\Coresdk\ActivityTaskCompletion;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Core\Worker as CoreWorker;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Internal\Converter\UnencodableFailure;

/**
 * The activity half of a worker: polls activity tasks and runs each activity in a Fiber of its own. Every
 * task gets exactly one completion, cancelled ones included. The core bounds how many run at once.
 *
 * @internal
 */
final class ActivityTaskRunner
{
    /** @var array<string, ActivityContext> task token => the running activity */
    private array $running = [];

    public function __construct(
        private readonly CoreWorker $core,
        private readonly FiberScheduler $scheduler,
        private readonly ActivityRegistry $registry,
        private readonly DataConverter $converter,
        private readonly string $taskQueue,
    ) {
    }

    /**
     * Polls until the core reports shutdown. Run it in a Fiber of its own.
     *
     * @throws TemporalException the poll failed for good (the worker is then shut down)
     */
    public function pollUntilShutdown(): void
    {
        while (($bytes = $this->scheduler->await($this->core->startPollActivityTask())) !== null) {
            $task = new ActivityTask();
            $task->mergeFromString($bytes);
            $task->hasStart() ? $this->start($task->getTaskToken(), $task->getStart()) : $this->cancel($task);
        }
    }

    public function runningCount(): int
    {
        return \count($this->running);
    }

    private function start(string $token, Start $start): void
    {
        $details = $start->getHeartbeatDetails();
        $context = new ActivityContext(
            ActivityInfo::fromStart($token, $this->taskQueue, $start),
            \count($details) > 0 ? new Payloads(['payloads' => $details]) : null,
            $this->core,
            $this->scheduler,
            $this->converter,
        );
        $this->running[$token] = $context;
        $this->scheduler->spawn(function () use ($context, $start, $token): void {
            $context->bind(\Fiber::getCurrent());
            try {
                $result = $this->execute($context, $start);
            } finally {
                unset($this->running[$token]);
            }
            $completion = new ActivityTaskCompletion(['task_token' => $token, 'result' => $result]);
            $this->scheduler->await($this->core->startCompleteActivityTask($completion->serializeToString()));
        });
    }

    private function cancel(ActivityTask $task): void
    {
        $reason = ActivityCancelReason::tryFrom($task->getCancel()->getReason()) ?? ActivityCancelReason::CANCELLED;
        ($this->running[$task->getTaskToken()] ?? null)?->requestCancel($reason);
    }

    private function execute(ActivityContext $context, Start $start): ActivityExecutionResult
    {
        try {
            $value = $this->definition($start->getActivityType())
                ->invoke($start->getActivityType(), new Payloads(['payloads' => $start->getInput()]), $this->converter);
            if ($context->completesAsync()) {
                return new ActivityExecutionResult(['will_complete_async' => new WillCompleteAsync()]);
            }
            $payload = $this->converter->toPayloads([$value], 'result')->getPayloads()[0];
            return new ActivityExecutionResult(['completed' => new Success(['result' => $payload])]);
        } catch (ActivityCanceledException $e) {
            return $this->cancelled($e);
        } catch (\Throwable $e) {
            $failure = UnencodableFailure::encode($this->converter, $e);
            return new ActivityExecutionResult(['failed' => new FailureResult(['failure' => $failure])]);
        }
    }

    private function cancelled(ActivityCanceledException $e): ActivityExecutionResult
    {
        $failure = UnencodableFailure::encode($this->converter, CanceledFailure::create($e->getMessage(), [], $e));
        return new ActivityExecutionResult(['cancelled' => new Cancellation(['failure' => $failure])]);
    }

    /** @throws ApplicationFailure the type is not registered (retryable: a newer worker may know it) */
    private function definition(string $activityType): ActivityDefinition
    {
        return $this->registry->find($activityType) ?? throw ApplicationFailure::create(
            \sprintf(
                'activity type "%s" is not registered on this worker (registered: %s)',
                $activityType,
                implode(', ', $this->registry->names()) ?: 'none',
            ),
            'NotFoundError',
        );
    }
}
