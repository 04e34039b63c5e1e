<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Schedule;

use TrueAsync\Temporal\Client\Schedule\ScheduleListEntry;
use TrueAsync\Temporal\Client\Schedule\ScheduleOptions;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Tests\Integration\TestSearchAttributes as Sa;

/** ScheduleClient::listSchedules(): lazy, paginated, and eventually consistent (visibility lags: polled). */
final class ListSchedulesTest extends ScheduleTestCase
{
    public function testEveryCreatedScheduleIsListedAcrossPagesWithItsSummary(): void
    {
        $tag = self::uniqueId('tag');
        $ids = [];
        for ($i = 0; $i < 3; $i++) {
            $options = ScheduleOptions::new()->withMemo(['tag' => $tag, 'index' => $i]);
            $ids[] = $this->create(self::pausedEchoSchedule(), $options)->getId();
        }

        $entries = self::eventuallyAccepted(
            fn (): array => self::entriesWithIds($ids),
            fn (array $found): bool => \count($found) === 3,
        );

        $this->assertEqualsCanonicalizing($ids, array_keys($entries));
        foreach ($ids as $i => $id) {
            $entry = $entries[$id];
            $this->assertSame('EchoWorkflow', $entry->getWorkflowType());
            $this->assertTrue($entry->isPaused());
            $this->assertSame('created paused by a test', $entry->getNote());
            $this->assertEquals(['tag' => $tag, 'index' => $i], $entry->getMemo()); // a map: no order
            $this->assertSame(3600.0, $entry->getSpec()->getIntervals()[0]->getEvery());
        }
    }

    public function testAQueryNarrowsTheList(): void
    {
        $id = $this->create(self::pausedEchoSchedule())->getId();
        $this->create(self::pausedEchoSchedule());

        $listed = self::eventuallyAccepted(
            fn (): array => iterator_to_array(self::schedules()->listSchedules("ScheduleId = '$id'"), false),
            fn (array $entries): bool => $entries !== [],
        );

        $this->assertSame([$id], array_map(fn (ScheduleListEntry $e): string => $e->getId(), $listed));
    }

    public function testTheSchedulesOwnSearchAttributesAreDescribedAndQueryable(): void
    {
        Sa::register(self::address());
        $tag = self::uniqueId('tag');
        $attributes = SearchAttributes::empty()->withValue(Sa::keyword(), $tag);
        $handle = $this->create(self::pausedEchoSchedule(), ScheduleOptions::new()->withSearchAttributes($attributes));

        $listed = self::eventuallyAccepted(
            fn (): array => iterator_to_array(self::schedules()->listSchedules("PhpKeyword = '$tag'"), false),
            fn (array $entries): bool => $entries !== [],
        );

        $this->assertSame($tag, $handle->describe()->getSearchAttributes()->get(Sa::keyword()));
        $this->assertSame([$handle->getId()], array_map(fn (ScheduleListEntry $e): string => $e->getId(), $listed));
        $this->assertSame($tag, $listed[0]->getSearchAttributes()->get(Sa::keyword()));
    }

    public function testNothingIsFetchedBeforeIterationAndABadQueryThrowsThen(): void
    {
        $iterator = self::schedules()->listSchedules('NoSuchAttribute = 1');

        $this->expectException(InvalidArgumentException::class);
        $iterator->valid();
    }

    /**
     * @param list<string> $ids
     * @return array<string, ScheduleListEntry> the listed entries among $ids, one schedule a page
     */
    private static function entriesWithIds(array $ids): array
    {
        $found = [];
        foreach (self::schedules()->listSchedules('', 1) as $entry) {
            if (\in_array($entry->getId(), $ids, true)) {
                $found[$entry->getId()] = $entry;
            }
        }
        return $found;
    }
}
