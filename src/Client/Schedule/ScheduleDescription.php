<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\ScheduleInfo as ScheduleInfoMessage;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeScheduleResponse;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\Internal\Schedule\ScheduleMapper;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * A schedule as the server holds it (ScheduleHandle::describe()): the schedule itself, what it has done and
 * will do, and its memo and search attributes.
 */
final class ScheduleDescription
{
    private Schedule $schedule;
    /** @var array<string, mixed> */
    private array $memo;
    private SearchAttributes $searchAttributes;
    private ScheduleInfo $info;
    private string $conflictToken;

    /**
     * @internal made by ScheduleHandle::describe()
     * @throws DataConverterException an argument or memo value cannot be decoded
     */
    public function __construct(private string $id, DescribeScheduleResponse $response, DataConverter $converter)
    {
        $this->schedule = ScheduleMapper::fromMessage($response->getSchedule(), $converter);
        $this->memo = ScheduleMapper::memoValues($response->getMemo(), $converter);
        $this->searchAttributes = SearchAttributeCodec::fromMessage($response->getSearchAttributes());
        $this->info = new ScheduleInfo($response->getInfo() ?? new ScheduleInfoMessage());
        $this->conflictToken = $response->getConflictToken();
    }

    public function getId(): string
    {
        return $this->id;
    }

    /** The schedule; calendars given as cron expressions come back as calendars. */
    public function getSchedule(): Schedule
    {
        return $this->schedule;
    }

    public function getInfo(): ScheduleInfo
    {
        return $this->info;
    }

    /** @return array<string, mixed> the schedule's memo, each value decoded to its natural PHP value */
    public function getMemo(): array
    {
        return $this->memo;
    }

    public function getSearchAttributes(): SearchAttributes
    {
        return $this->searchAttributes;
    }

    /** @internal the version of the schedule this description shows, for ScheduleHandle::update() */
    public function getConflictToken(): string
    {
        return $this->conflictToken;
    }
}
