<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\SchedulePatch;
use TrueAsync\Temporal\Api\Schedule\V1\TriggerImmediatelyRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\CreateScheduleRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\CreateScheduleResponse;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\ScheduleAlreadyExistsException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\ScheduleClient\CreateScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\ListSchedulesInput;
use TrueAsync\Temporal\Interceptor\ScheduleClientCallsInterceptor;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Schedule\ScheduleMapper;
use TrueAsync\Temporal\Internal\Schedule\SchedulePager;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The schedules of the client's namespace (Client::schedules()): create them, list them, and hand out
 * ScheduleHandles. Calls block until the server answers.
 */
final class ScheduleClient
{
    use RpcTimeoutCopies;

    /** @internal made by Client::schedules() */
    public function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    /**
     * Creates a schedule and returns its handle.
     *
     * @throws ScheduleAlreadyExistsException a schedule with $scheduleId exists
     * @throws InvalidArgumentException the server rejected the schedule (a bad cron expression, time zone...)
     * @throws DataConverterException an argument or memo value cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function create(string $scheduleId, Schedule $schedule, ?ScheduleOptions $options = null): ScheduleHandle
    {
        if ($scheduleId === '') {
            throw new \ValueError('ScheduleClient::create(): $scheduleId must not be empty');
        }
        Utf8::check($scheduleId, 'ScheduleClient::create(): the schedule id');
        $input = new CreateScheduleInput($scheduleId, $schedule, $options ?? ScheduleOptions::new(),
            Header::empty($this->converter));
        return $this->intercept('createSchedule', $input, $this->createSchedule(...));
    }

    /** The SDK's own createSchedule(), after the interceptors. */
    private function createSchedule(CreateScheduleInput $input): ScheduleHandle
    {
        $scheduleId = $input->scheduleId;
        $options = $input->options;
        $request = new CreateScheduleRequest([
            'namespace' => $this->service->getNamespace(),
            'schedule_id' => $scheduleId,
            'schedule' => ScheduleMapper::toMessage($input->schedule, $this->converter, $input->header),
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        if ($options->isTriggerImmediately() || $options->getBackfills() !== []) {
            $backfills = ScheduleHandle::backfillMessages($options->getBackfills());
            $patch = new SchedulePatch(['backfill_request' => $backfills]);
            if ($options->isTriggerImmediately()) {
                $patch->setTriggerImmediately(new TriggerImmediatelyRequest());
            }
            $request->setInitialPatch($patch);
        }
        if ($options->getMemo() !== []) {
            $request->setMemo(StartRequestFactory::memo($options->getMemo(), $this->converter));
        }
        if ($options->getSearchAttributes() !== null) {
            $request->setSearchAttributes(SearchAttributeCodec::toMessage($options->getSearchAttributes()));
        }
        $this->service->call('CreateSchedule', $request, CreateScheduleResponse::class, scheduleId: $scheduleId);
        return $this->getHandle($scheduleId);
    }

    /**
     * A handle to an existing schedule. Makes no call: an unknown id surfaces on the handle's first call as
     * ScheduleNotFoundException.
     */
    public function getHandle(string $scheduleId): ScheduleHandle
    {
        Utf8::check($scheduleId, 'ScheduleClient::getHandle(): the schedule id');
        return new ScheduleHandle($this->service, $this->converter, $scheduleId);
    }

    /**
     * The schedules a visibility query matches ('' for all), fetched lazily page by page as the iterator
     * advances. Visibility lags: a schedule just created may take a moment to be listed.
     *
     * @param string $query a list filter on the schedules' search attributes, e.g. "ScheduleId = 'nightly'"
     * @param int $pageSize schedules per call; 0: the server's default
     * @return \Iterator<int, ScheduleListEntry> its first call throws the server's error
     *         (InvalidArgumentException for a bad query, ServiceException) or TemporalException
     */
    public function listSchedules(string $query = '', int $pageSize = 0): \Iterator
    {
        return $this->intercept(
            'listSchedules',
            new ListSchedulesInput($query, $pageSize),
            fn (ListSchedulesInput $input): \Iterator
                => new SchedulePager($this->service, $this->converter, $input->query, $input->pageSize),
        );
    }

    /** Runs $hook of the client's ScheduleClientCallsInterceptors around $last (the SDK's own code for the call). */
    private function intercept(string $hook, object $input, \Closure $last): mixed
    {
        return $this->service->intercept(ScheduleClientCallsInterceptor::class, $hook, $input, $last);
    }
}
