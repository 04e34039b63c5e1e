<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ActivityCancellationType as CoreType;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityCancellationType;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/** The cancellation type reaches the core's schedule commands; each kind of activity has its own default. */
final class ActivityCancellationTypeTest extends TestCase
{
    public function testTheEnumHoldsTheCoresValues(): void
    {
        self::assertSame([CoreType::TRY_CANCEL, CoreType::WAIT_CANCELLATION_COMPLETED, CoreType::ABANDON], array_map(
            static fn (ActivityCancellationType $type): int => $type->value,
            [ActivityCancellationType::TryCancel, ActivityCancellationType::WaitCancellationCompleted, ActivityCancellationType::Abandon],
        ));
    }

    public function testRemoteActivitiesDefaultToTryCancelAndLocalOnesToWaitCancellationCompleted(): void
    {
        [, $commands] = ProbeWorkflow::start(function (): void {
            Workflow::async(fn () => Workflow::executeActivity('a', [], ActivityOptions::new()->withStartToCloseTimeout(1)));
            Workflow::async(fn () => Workflow::executeLocalActivity('b', [], LocalActivityOptions::new()->withStartToCloseTimeout(1)));
            Workflow::async(fn () => Workflow::executeActivity('c', [], ActivityOptions::new()->withStartToCloseTimeout(1)
                ->withCancellationType(ActivityCancellationType::Abandon)));
            Workflow::async(fn () => Workflow::executeLocalActivity('d', [], LocalActivityOptions::new()->withStartToCloseTimeout(1)
                ->withCancellationType(ActivityCancellationType::TryCancel)));
            Workflow::await(fn (): bool => false);
        });
        self::assertSame(
            [CoreType::TRY_CANCEL, CoreType::WAIT_CANCELLATION_COMPLETED, CoreType::ABANDON, CoreType::TRY_CANCEL],
            [$commands[0]->getScheduleActivity()->getCancellationType(),
                $commands[1]->getScheduleLocalActivity()->getCancellationType(),
                $commands[2]->getScheduleActivity()->getCancellationType(),
                $commands[3]->getScheduleLocalActivity()->getCancellationType()],
        );
    }
}
