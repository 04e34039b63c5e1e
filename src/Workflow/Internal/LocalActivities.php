<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use Google\Protobuf\Timestamp;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityResolution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteLocalActivityInput;
use TrueAsync\Temporal\Internal\ProtoTime;

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

    /** @throws TemporalFailure the local activity failed for good */
    public function execute(ExecuteLocalActivityInput $input): mixed
    {
        [$attempt, $originalScheduleTime] = [1, null];
        $arguments = iterator_to_array($this->run->converter->toPayloads($input->args)->getPayloads(), false);
        for (;;) {
            $this->run->throwIfCancelled();
            $seq = $this->run->nextSequence('activity');
            $this->run->command(new WorkflowCommand(['schedule_local_activity' =>
                $this->schedule($seq, $input, $arguments, $attempt, $originalScheduleTime)]));
            $resolution = $this->run->suspend('activity', $seq, fn (ActivityResolution $r) => $r, function () use ($seq): bool {
                $this->run->command(new WorkflowCommand(['request_cancel_local_activity' => new RequestCancelLocalActivity(['seq' => $seq])]));
                return true;
            });
            if ($resolution->getStatus() !== 'backoff') {
                return $this->context->activityResult($resolution, $input->returnType);
            }
            $backoff = $resolution->getBackoff();
            $this->context->timer(ProtoTime::durationSeconds($backoff->getBackoffDuration()));
            [$attempt, $originalScheduleTime] = [$backoff->getAttempt(), $backoff->getOriginalScheduleTime()];
        }
    }

    private function schedule(int $seq, ExecuteLocalActivityInput $input, array $arguments, int $attempt, ?Timestamp $originalScheduleTime): ScheduleLocalActivity
    {
        $options = $input->options;
        [$scheduleToClose, $scheduleToStart, $startToClose, $threshold] = $options->getTimeouts();
        if ($scheduleToClose <= 0 && $startToClose <= 0) {
            throw new \LogicException("local activity {$input->activityType} needs a start-to-close or schedule-to-close timeout");
        }
        $command = new ScheduleLocalActivity(['seq' => $seq, 'activity_id' => (string) $seq,
            'activity_type' => $input->activityType, 'attempt' => $attempt, 'arguments' => $arguments,
            'headers' => $input->header->toMessage(), 'cancellation_type' => $options->getCancellationType()->value]);
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
