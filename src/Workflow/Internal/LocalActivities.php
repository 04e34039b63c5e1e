<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use Google\Protobuf\Timestamp;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityResolution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/**
 * Local activities: scheduled like activities (same sequence counter); when the core answers "back off"
 * (a retry longer than the local threshold), the workflow sleeps a timer and schedules the next attempt.
 *
 * @internal
 */
final class LocalActivities
{
    public function __construct(private readonly WorkflowRun $run, private readonly WorkflowContext $context)
    {
    }

    /**
     * @param list<mixed> $args
     * @throws TemporalFailure the local activity failed for good
     */
    public function execute(string $type, array $args, LocalActivityOptions $options, ?string $returnType): mixed
    {
        [$attempt, $originalScheduleTime] = [1, null];
        $arguments = iterator_to_array($this->run->converter->toPayloads($args)->getPayloads(), false);
        for (;;) {
            $this->run->throwIfCancelled();
            $seq = $this->run->nextSequence('activity');
            $this->run->command(new WorkflowCommand(['schedule_local_activity' =>
                $this->schedule($seq, $type, $arguments, $options, $attempt, $originalScheduleTime)]));
            $resolution = $this->run->suspend('activity', $seq, fn (ActivityResolution $r) => $r, function () use ($seq): bool {
                $this->run->command(new WorkflowCommand(['request_cancel_local_activity' => new RequestCancelLocalActivity(['seq' => $seq])]));
                return true;
            });
            if ($resolution->getStatus() !== 'backoff') {
                return $this->context->activityResult($resolution, $returnType);
            }
            $backoff = $resolution->getBackoff();
            $this->context->timer(ProtoTime::durationSeconds($backoff->getBackoffDuration()));
            [$attempt, $originalScheduleTime] = [$backoff->getAttempt(), $backoff->getOriginalScheduleTime()];
        }
    }

    private function schedule(int $seq, string $type, array $arguments, LocalActivityOptions $options, int $attempt, ?Timestamp $originalScheduleTime): ScheduleLocalActivity
    {
        [$scheduleToClose, $scheduleToStart, $startToClose, $threshold] = $options->getTimeouts();
        if ($scheduleToClose <= 0 && $startToClose <= 0) {
            throw new \LogicException("local activity $type needs a start-to-close or schedule-to-close timeout");
        }
        $command = new ScheduleLocalActivity(['seq' => $seq, 'activity_id' => (string) $seq, 'activity_type' => $type,
            'attempt' => $attempt, 'arguments' => $arguments,
            'cancellation_type' => $options->getCancellationType()->value]);
        if ($originalScheduleTime !== null) {
            $command->setOriginalScheduleTime($originalScheduleTime);
        }
        foreach (['setScheduleToCloseTimeout' => $scheduleToClose, 'setScheduleToStartTimeout' => $scheduleToStart,
            'setStartToCloseTimeout' => $startToClose, 'setLocalRetryThreshold' => $threshold] as $setter => $seconds) {
            if ($seconds > 0) {
                $command->$setter(ProtoTime::toDuration($seconds));
            }
        }
        if ($options->getRetryPolicy() !== null) {
            $command->setRetryPolicy($options->getRetryPolicy()->toMessage());
        }
        return $command;
    }
}
