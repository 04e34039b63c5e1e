<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

/**
 * The schedule that started a workflow, and the time the action was due, from the reserved search attributes
 * the server sets on every workflow a schedule starts. Inside the workflow: Workflow::getScheduledBy(); from a
 * client: WorkflowExecutionDescription::getScheduledBy(); in a list query: the keys below.
 */
final class ScheduledBy
{
    private function __construct(private string $scheduleId, private ?\DateTimeImmutable $scheduledTime)
    {
    }

    /** The schedule's id (Keyword): query "TemporalScheduledById = 'nightly'" lists the workflows it started. */
    public static function scheduleIdKey(): SearchAttributeKey
    {
        return SearchAttributeKey::forKeyword('TemporalScheduledById');
    }

    /** The time the action was due (Datetime): the spec's, the trigger's or the backfill's time. */
    public static function scheduledTimeKey(): SearchAttributeKey
    {
        return SearchAttributeKey::forDatetime('TemporalScheduledStartTime');
    }

    /** null: the attributes are not those of a workflow a schedule started. */
    public static function fromSearchAttributes(SearchAttributes $attributes): ?self
    {
        $scheduleId = $attributes->get(self::scheduleIdKey());
        if (!\is_string($scheduleId) || $scheduleId === '') {
            return null;
        }
        $time = $attributes->get(self::scheduledTimeKey());
        $time = $time instanceof \DateTimeInterface ? \DateTimeImmutable::createFromInterface($time) : null;
        return new self($scheduleId, $time);
    }

    public function getScheduleId(): string
    {
        return $this->scheduleId;
    }

    public function getScheduledTime(): ?\DateTimeImmutable
    {
        return $this->scheduledTime;
    }
}
