<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Api\Schedule\V1\ScheduleListEntry as ScheduleListEntryMessage;
use TrueAsync\Temporal\Api\Schedule\V1\ScheduleListInfo;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Internal\Converter\SearchAttributeCodec;
use TrueAsync\Temporal\Internal\Schedule\ScheduleMapper;
use TrueAsync\Temporal\Internal\Schedule\ScheduleSpecMapper;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * One schedule as listSchedules() returns it: the summary visibility keeps (the full schedule is in
 * ScheduleHandle::describe()).
 */
final class ScheduleListEntry
{
    private ScheduleListInfo $info;

    /** @internal made by listSchedules() */
    public function __construct(private ScheduleListEntryMessage $entry, private DataConverter $converter)
    {
        $this->info = $entry->getInfo() ?? new ScheduleListInfo();
    }

    public function getId(): string
    {
        return $this->entry->getScheduleId();
    }

    /** The type of the workflow the schedule starts. */
    public function getWorkflowType(): string
    {
        return $this->info->getWorkflowType()?->getName() ?? '';
    }

    public function getSpec(): ScheduleSpec
    {
        return ScheduleSpecMapper::fromMessage($this->info->getSpec());
    }

    public function isPaused(): bool
    {
        return $this->info->getPaused();
    }

    public function getNote(): string
    {
        return $this->info->getNotes();
    }

    /** @return list<ScheduleActionResult> */
    public function getRecentActions(): array
    {
        return ScheduleInfo::actionResults($this->info->getRecentActions());
    }

    /** @return list<\DateTimeImmutable> */
    public function getNextActionTimes(): array
    {
        return ScheduleInfo::times($this->info->getFutureActionTimes());
    }

    /**
     * @return array<string, mixed> the schedule's memo, each value decoded to its natural PHP value
     * @throws DataConverterException a value cannot be decoded
     */
    public function getMemo(): array
    {
        return ScheduleMapper::memoValues($this->entry->getMemo(), $this->converter);
    }

    public function getSearchAttributes(): SearchAttributes
    {
        return SearchAttributeCodec::fromMessage($this->entry->getSearchAttributes());
    }
}
