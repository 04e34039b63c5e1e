<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Api\Sdk\V1\UserMetadata;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Tests\Unit\Workflow\Determinism\HistoryEvents as E;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;
use TrueAsync\Temporal\Workflow\Determinism\StepKind;

final class RecordedStepTest extends TestCase
{
    public function testFromHistoryKeepsTheEventsThatCommandsProduceInOrder(): void
    {
        $steps = self::steps(
            E::started(1),
            E::taskCompleted(4),
            E::activityScheduled(5, 'reserve'),
            E::activityCompleted(7, 5),
            E::timerStarted(11, 30),
            E::signaled(12),
            E::timerFired(13),
            E::localActivityMarker(17, 'price'),
            E::childInitiated(18, 'ShipOrder', 'ship-7'),
            E::signalInitiated(19, 'approve', 'order-7'),
            E::cancelExternalInitiated(20, 'order-8', childOnly: false),
            E::cancelExternalInitiated(21, 'ship-7', childOnly: true),
            E::searchAttributesUpserted(22, ['Status', 'CustomerId']),
            E::memoModified(23, ['note']),
            E::activityScheduled(24, 'charge'),
            E::activityCancelRequested(25, 24),
            E::timerStarted(26, 1, 500_000_000),
            E::timerCanceled(27),
            E::completed(30),
        );

        self::assertSame([
            [5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve', null],
            [11, 'TimerStarted', StepKind::Timer, null, '30s'],
            [17, 'MarkerRecorded', StepKind::LocalActivity, 'price', null],
            [18, 'StartChildWorkflowExecutionInitiated', StepKind::ChildWorkflow, 'ShipOrder', 'ship-7'],
            [19, 'SignalExternalWorkflowExecutionInitiated', StepKind::SignalExternal, 'approve', 'order-7'],
            [20, 'RequestCancelExternalWorkflowExecutionInitiated', StepKind::CancelExternal, null, 'order-8'],
            [21, 'RequestCancelExternalWorkflowExecutionInitiated', StepKind::CancelChildWorkflow, null, 'ship-7'],
            [22, 'UpsertWorkflowSearchAttributes', StepKind::UpsertSearchAttributes, null, 'CustomerId, Status'],
            [23, 'WorkflowPropertiesModified', StepKind::ModifyProperties, null, 'note'],
            [24, 'ActivityTaskScheduled', StepKind::Activity, 'charge', null],
            [25, 'ActivityTaskCancelRequested', StepKind::RequestCancelActivity, 'charge', null],
            [26, 'TimerStarted', StepKind::Timer, null, '1.5s'],
            [27, 'TimerCanceled', StepKind::CancelTimer, null, null],
            [30, 'WorkflowExecutionCompleted', StepKind::Complete, null, null],
        ], $steps);
    }

    public function testEachWayARunEndsIsAStep(): void
    {
        self::assertSame([[9, 'WorkflowExecutionFailed', StepKind::Fail, null, 'card declined']], self::steps(E::failed(9, 'card declined')));
        self::assertSame([[9, 'WorkflowExecutionContinuedAsNew', StepKind::ContinueAsNew, 'Orders', null]], self::steps(E::continuedAsNew(9, 'Orders')));
        self::assertSame([[9, 'WorkflowExecutionCanceled', StepKind::CancelWorkflow, null, null]], self::steps(E::canceled(9)));
    }

    public function testAPatchMarkerCarriesItsIdAndTheCoresUpsertNextToItIsLeftOut(): void
    {
        $steps = self::steps(
            E::patchMarker(5, 'use-hold'),
            E::searchAttributesUpserted(6, ['TemporalChangeVersion']),
            E::patchMarker(7, 'old-fix', deprecated: true),
            E::searchAttributesUpserted(8, ['Status']),
        );

        self::assertSame([
            [5, 'MarkerRecorded', StepKind::PatchMarker, 'use-hold', null],
            [7, 'MarkerRecorded', StepKind::PatchMarker, 'old-fix', 'deprecated'],
            [8, 'UpsertWorkflowSearchAttributes', StepKind::UpsertSearchAttributes, null, 'Status'],
        ], $steps);
    }

    public function testTheUpsertIsTheUsersWhenNoPatchMarkerPrecedesIt(): void
    {
        self::assertSame(
            [[6, 'UpsertWorkflowSearchAttributes', StepKind::UpsertSearchAttributes, null, 'TemporalChangeVersion']],
            self::steps(E::searchAttributesUpserted(6, ['TemporalChangeVersion'])),
        );
    }

    public function testAnOlderCoresPatchMarkerIsRead(): void
    {
        self::assertSame([
            [5, 'MarkerRecorded', StepKind::PatchMarker, 'use-hold', null],
            [6, 'MarkerRecorded', StepKind::PatchMarker, 'old-fix', 'deprecated'],
        ], self::steps(E::legacyPatchMarker(5, 'use-hold', false), E::legacyPatchMarker(6, 'old-fix', true)));
    }

    public function testADeprecatedPatchIsWhatTheCoreLetsPass(): void
    {
        [$patch, $deprecated] = RecordedStep::fromHistory(new History(['events' => [
            E::patchMarker(5, 'use-hold'),
            E::patchMarker(7, 'old-fix', deprecated: true),
        ]]));

        self::assertFalse($patch->isDeprecatedPatch());
        self::assertTrue($deprecated->isDeprecatedPatch());
    }

    public function testAnotherSdksMarkerIsNotAStep(): void
    {
        self::assertSame([], self::steps(E::marker(5, 'SideEffect', ['data' => '1'])));
    }

    public function testTheSourceAWorkerWroteIntoAnEventsMetadataIsRead(): void
    {
        $converter = DataConverter::default();
        $sourced = E::activityScheduled(5, 'reserve');
        $sourced->setUserMetadata(new UserMetadata(['details' => $converter->toPayload('src/Orders.php:38')]));
        $described = E::timerStarted(6, 30);
        $described->setUserMetadata(new UserMetadata(['details' => $converter->toPayload('wait for the payment')]));
        $binary = E::activityScheduled(7, 'charge');
        $binary->setUserMetadata(new UserMetadata(['details' => new Payload(['metadata' => ['encoding' => 'binary/encrypted'], 'data' => 'x'])]));

        $steps = RecordedStep::fromHistory(new History(['events' => [$sourced, $described, $binary, E::timerStarted(8, 1)]]), $converter);

        self::assertSame(['src/Orders.php:38', null, null, null], array_map(fn (RecordedStep $s) => $s->source, $steps));
    }

    public function testAnEmptyHistoryHasNoSteps(): void
    {
        self::assertSame([], RecordedStep::fromHistory(new History()));
    }

    /** @return list<array{int, string, StepKind, ?string, ?string}> */
    private static function steps(HistoryEvent ...$events): array
    {
        return array_map(
            fn (RecordedStep $s) => [$s->eventId, $s->eventType, $s->kind, $s->name, $s->detail],
            RecordedStep::fromHistory(new History(['events' => $events])),
        );
    }
}
