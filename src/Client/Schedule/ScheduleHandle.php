<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\BackfillRequest;
use TrueAsync\Temporal\Api\Schedule\V1\SchedulePatch;
use TrueAsync\Temporal\Api\Schedule\V1\TriggerImmediatelyRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DeleteScheduleRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DeleteScheduleResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeScheduleRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeScheduleResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\PatchScheduleRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\PatchScheduleResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\UpdateScheduleRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\UpdateScheduleResponse;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\ScheduleNotFoundException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\ScheduleClient\BackfillScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\DeleteScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\DescribeScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\PauseScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\TriggerScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UnpauseScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UpdateScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClientCallsInterceptor;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Schedule\ScheduleMapper;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * One schedule, as ScheduleClient::create() or getHandle() name it: describe, update, pause, unpause,
 * trigger, backfill or delete it. Every call throws ScheduleNotFoundException when the schedule does not
 * exist, ServiceException for any other gRPC error status and TemporalException when the bridge failed.
 */
final class ScheduleHandle
{
    use RpcTimeoutCopies;

    /** The note pause() and unpause() leave when given none, as the other SDKs name themselves. */
    public const DEFAULT_PAUSE_NOTE = 'Paused via PHP SDK';
    public const DEFAULT_UNPAUSE_NOTE = 'Unpaused via PHP SDK';

    /** How often update() re-reads the schedule and calls its updater again after a conflicting change. */
    private const UPDATE_ATTEMPTS = 10;

    /** @internal made by ScheduleClient */
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private string $id,
    ) {
    }

    public function getId(): string
    {
        return $this->id;
    }

    /**
     * The schedule as the server holds it, with what it has done and will do.
     *
     * @throws ScheduleNotFoundException
     * @throws DataConverterException an argument or memo value cannot be decoded
     */
    public function describe(): ScheduleDescription
    {
        return $this->intercept('describeSchedule', new DescribeScheduleInput($this->id), $this->describeSchedule(...));
    }

    /** The SDK's own describeSchedule(), also update()'s read of the current version. */
    private function describeSchedule(): ScheduleDescription
    {
        $request = new DescribeScheduleRequest([
            'namespace' => $this->service->getNamespace(),
            'schedule_id' => $this->id,
        ]);
        $response = $this->service->call(
            'DescribeSchedule',
            $request,
            DescribeScheduleResponse::class,
            scheduleId: $this->id,
        );
        return new ScheduleDescription($this->id, $response, $this->converter);
    }

    /**
     * Replaces the schedule with what $updater makes of its current description. The change only applies to
     * the version $updater saw: when a server reports that the schedule changed in between (FAILED_PRECONDITION),
     * update() describes it again and calls $updater again, up to 10 times. Servers whose schedules run as
     * workflows (Temporal 1.2x-1.3x, the dev server) apply an update asynchronously and drop a conflicting one
     * without an error: there, serialize the updates of one schedule, and wait for describe() to show a
     * change before relying on it. The schedule's memo and search attributes stay as they are; the header its
     * workflows start with is the one the client's interceptors give (ScheduleClientCallsInterceptor), none without.
     *
     * @param callable(ScheduleDescription): ?Schedule $updater returns the new schedule, or null to leave it
     * @return bool whether the schedule was replaced (false: $updater returned null)
     * @throws ScheduleNotFoundException
     * @throws DataConverterException a value cannot be encoded or decoded
     */
    public function update(callable $updater): bool
    {
        $input = new UpdateScheduleInput($this->id, $updater(...), Header::empty($this->converter));
        return $this->intercept('updateSchedule', $input, $this->updateSchedule(...));
    }

    /** The SDK's own updateSchedule(), after the interceptors. */
    private function updateSchedule(UpdateScheduleInput $input): bool
    {
        for ($attempt = 1;; $attempt++) {
            $description = $this->describeSchedule();
            $schedule = ($input->updater)($description);
            if ($schedule === null) {
                return false;
            }
            $request = new UpdateScheduleRequest([
                'namespace' => $this->service->getNamespace(),
                'schedule_id' => $this->id,
                'schedule' => ScheduleMapper::toMessage($schedule, $this->converter, $input->header),
                'conflict_token' => $description->getConflictToken(),
                'identity' => $this->service->getIdentity(),
                'request_id' => Uuid::v4(),
            ]);
            try {
                $this->service->call('UpdateSchedule', $request, UpdateScheduleResponse::class, scheduleId: $this->id);
                return true;
            } catch (ServiceException $e) {
                if ($e->getCode() !== ServiceException::FAILED_PRECONDITION || $attempt >= self::UPDATE_ATTEMPTS) {
                    throw $e;
                }
            }
        }
    }

    /**
     * Stops the schedule taking actions until unpause(); triggers and backfills still run.
     *
     * @param ?string $note why; null: "Paused via PHP SDK"
     * @throws ScheduleNotFoundException
     */
    public function pause(?string $note = null): void
    {
        $input = new PauseScheduleInput($this->id, $note ?? self::DEFAULT_PAUSE_NOTE);
        $this->intercept('pauseSchedule', $input, function (PauseScheduleInput $input): void {
            $this->patch(new SchedulePatch(['pause' => $input->note]));
        });
    }

    /**
     * @param ?string $note why; null: "Unpaused via PHP SDK"
     * @throws ScheduleNotFoundException
     */
    public function unpause(?string $note = null): void
    {
        $input = new UnpauseScheduleInput($this->id, $note ?? self::DEFAULT_UNPAUSE_NOTE);
        $this->intercept('unpauseSchedule', $input, function (UnpauseScheduleInput $input): void {
            $this->patch(new SchedulePatch(['unpause' => $input->note]));
        });
    }

    /**
     * Takes one action now, whatever the spec says (also when paused). The server names the workflow after the
     * trigger time to the second: triggers within one second start one workflow.
     *
     * @param ScheduleOverlapPolicy $overlap for this action; Unspecified: the schedule's
     * @throws ScheduleNotFoundException
     */
    public function trigger(ScheduleOverlapPolicy $overlap = ScheduleOverlapPolicy::Unspecified): void
    {
        $input = new TriggerScheduleInput($this->id, $overlap);
        $this->intercept('triggerSchedule', $input, function (TriggerScheduleInput $input): void {
            $trigger = new TriggerImmediatelyRequest(['overlap_policy' => $input->overlap->value]);
            $this->patch(new SchedulePatch(['trigger_immediately' => $trigger]));
        });
    }

    /**
     * Takes, now, the actions the spec would have taken in these time ranges.
     *
     * @throws ScheduleNotFoundException
     */
    public function backfill(ScheduleBackfill ...$backfills): void
    {
        $input = new BackfillScheduleInput($this->id, array_values($backfills));
        $this->intercept('backfillSchedule', $input, function (BackfillScheduleInput $input): void {
            if ($input->backfills !== []) {
                $this->patch(new SchedulePatch(['backfill_request' => self::backfillMessages($input->backfills)]));
            }
        });
    }

    /**
     * Deletes the schedule; workflows it started keep running.
     *
     * @throws ScheduleNotFoundException
     */
    public function delete(): void
    {
        $this->intercept('deleteSchedule', new DeleteScheduleInput($this->id), $this->deleteSchedule(...));
    }

    private function deleteSchedule(): void
    {
        $request = new DeleteScheduleRequest([
            'namespace' => $this->service->getNamespace(),
            'schedule_id' => $this->id,
            'identity' => $this->service->getIdentity(),
        ]);
        $this->service->call('DeleteSchedule', $request, DeleteScheduleResponse::class, scheduleId: $this->id);
    }

    /**
     * @internal also for ScheduleClient::create()'s initial backfills
     * @param list<ScheduleBackfill> $backfills
     * @return list<BackfillRequest>
     */
    public static function backfillMessages(array $backfills): array
    {
        return array_map(
            fn (ScheduleBackfill $backfill): BackfillRequest => new BackfillRequest([
                'start_time' => ProtoTime::toTimestamp($backfill->getStartAt()),
                'end_time' => ProtoTime::toTimestamp($backfill->getEndAt()),
                'overlap_policy' => $backfill->getOverlap()->value,
            ]),
            $backfills,
        );
    }

    /** Runs $hook of the client's ScheduleClientCallsInterceptors around $last (the SDK's own code for the call). */
    private function intercept(string $hook, object $input, \Closure $last): mixed
    {
        return $this->service->intercept(ScheduleClientCallsInterceptor::class, $hook, $input, $last);
    }

    /** @throws TemporalException */
    private function patch(SchedulePatch $patch): void
    {
        $request = new PatchScheduleRequest([
            'namespace' => $this->service->getNamespace(),
            'schedule_id' => $this->id,
            'patch' => $patch,
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        $this->service->call('PatchSchedule', $request, PatchScheduleResponse::class, scheduleId: $this->id);
    }
}
