<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Tests\Unit\Workflow\Determinism\HistoryEvents as E;
use TrueAsync\Temporal\Tests\Unit\Workflow\Determinism\Scenarios as S;
use TrueAsync\Temporal\Workflow\Determinism\AlignedRow;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceExplainer;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceReport;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;
use TrueAsync\Temporal\Workflow\Determinism\StepKind;

final class DivergenceExplainerTest extends TestCase
{
    private const GUARD = 'guard the change with Workflow::patched(...): runs recorded before the change then keep the old calls';

    public function testACallAdded(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::timerAdded());

        self::assertSame(2, $report->firstDivergence);
        self::assertSame("a timer (src/Orders.php:42) was added before activity 'charge' (event 16)", $report->likelyChange);
        self::assertSame(self::GUARD, $report->fix);
        self::assertSame(['match', 'match', 'added', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testACallRemoved(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::reserveRemoved());

        self::assertSame(0, $report->firstDivergence);
        self::assertSame("activity 'reserve' (event 5) is no longer scheduled: the code went on to timer (src/Orders.php:40)", $report->likelyChange);
        self::assertSame(self::GUARD, $report->fix);
        self::assertSame(['removed', 'match', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testTwoCallsOfOneWorkflowTaskSwapped(): void
    {
        $report = DivergenceExplainer::explain(S::concurrentHistory(), S::concurrentSwapped());

        self::assertSame(1, $report->firstDivergence);
        self::assertSame("activity 'charge' and timer swapped places (src/Orders.php:40, :42)", $report->likelyChange);
        self::assertSame(self::GUARD, $report->fix);
        self::assertSame(['match', 'reordered', 'reordered', 'not_reached'], self::statuses($report));
    }

    /** The replay stops at the charge, before the code reaches the timer it moved: it reads as a removal. */
    public function testACallMovedAcrossAWait(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::chargeMovedUp());

        self::assertSame(1, $report->firstDivergence);
        self::assertSame("timer (event 11) is no longer started: the code went on to activity 'charge' (src/Orders.php:40)", $report->likelyChange);
        self::assertSame(['match', 'removed', 'match', 'not_reached'], self::statuses($report));
    }

    public function testAnActivityRenamed(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::reserveRenamed());

        self::assertSame(0, $report->firstDivergence);
        self::assertSame("activity 'reserve' was renamed to 'hold' (src/Orders.php:38)", $report->likelyChange);
        self::assertSame(self::GUARD, $report->fix);
        self::assertSame(['renamed', 'not_reached', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testAChildWorkflowTypeRenamed(): void
    {
        $report = DivergenceExplainer::explain(S::fulfilHistory(), S::childRenamed());

        self::assertSame(0, $report->firstDivergence);
        self::assertSame("child workflow 'ShipOrderV1' was renamed to 'ShipOrder' (src/Fulfil.php:27)", $report->likelyChange);
        self::assertSame(self::GUARD, $report->fix);
    }

    public function testATimersDurationChangedIsANoteNotADivergence(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::timerLengthened());

        self::assertNull($report->firstDivergence);
        self::assertFalse($report->diverges());
        self::assertSame('no divergence: the code produced the 4 recorded steps in order', $report->likelyChange);
        self::assertNull($report->fix);
        self::assertSame([
            'timer (event 11) now waits 60s where history recorded 30s (src/Orders.php:40): not a divergence, the core'
            . ' does not compare durations; runs that already started it keep 30s',
        ], $report->notes);
    }

    public function testPatchedCallDroppedWhileHistoryHasTheMarker(): void
    {
        $report = DivergenceExplainer::explain(S::patchedOrdersHistory(), S::patchedCallDropped());

        self::assertSame(0, $report->firstDivergence);
        self::assertSame("patch 'use-hold' (event 5) is recorded but the code no longer calls Workflow::patched('use-hold')", $report->likelyChange);
        self::assertSame("restore Workflow::patched('use-hold') (or Workflow::deprecatePatch('use-hold') once no run from before the patch is open)", $report->fix);
        self::assertSame(['removed', 'match', 'not_reached', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testPatchedCallDroppedAndTheOldCallBack(): void
    {
        $report = DivergenceExplainer::explain(S::patchedOrdersHistory(), S::patchedCallReverted());

        self::assertSame(0, $report->firstDivergence);
        self::assertSame("patch 'use-hold' (event 5) is recorded but the code no longer calls Workflow::patched('use-hold')", $report->likelyChange);
        self::assertSame(['removed', 'renamed', 'not_reached', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testAPatchMarkerTheCodeSetsThatHistoryLacksIsSkippedAsTheCoreSkipsIt(): void
    {
        $produced = [new ProducedCommand(StepKind::PatchMarker, 'use-hold', 'deprecated', S::FILE, 37), ...S::unchanged()];

        $report = DivergenceExplainer::explain(S::ordersHistory(), $produced);

        self::assertNull($report->firstDivergence);
        self::assertSame(['skipped', 'match', 'match', 'match', 'match'], self::statuses($report));
    }

    public function testADeprecatedPatchTheCodeNoLongerSetsIsSkippedAsTheCoreSkipsIt(): void
    {
        $recorded = RecordedStep::fromHistory(new History(['events' => [
            E::patchMarker(5, 'use-hold', deprecated: true),
            E::activityScheduled(7, 'hold'),
        ]]));

        $report = DivergenceExplainer::explain($recorded, [new ProducedCommand(StepKind::Activity, 'hold', null, S::FILE, 38)]);

        self::assertNull($report->firstDivergence);
        self::assertSame(['skipped', 'match'], self::statuses($report));
    }

    public function testARenamedPatchId(): void
    {
        $recorded = [new RecordedStep(5, 'MarkerRecorded', StepKind::PatchMarker, 'use-hold')];

        $report = DivergenceExplainer::explain($recorded, [new ProducedCommand(StepKind::PatchMarker, 'use-hold-2', null, S::FILE, 37)]);

        self::assertSame("patch 'use-hold' (event 5) was renamed to 'use-hold-2' (src/Orders.php:37)", $report->likelyChange);
        self::assertSame("a recorded patch id must not change: call Workflow::patched('use-hold') as before", $report->fix);
    }

    public function testIdenticalSequencesDoNotDiverge(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::unchanged());

        self::assertNull($report->firstDivergence);
        self::assertSame('no divergence: the code produced the 4 recorded steps in order', $report->likelyChange);
        self::assertNull($report->fix);
        self::assertSame([], $report->notes);
        self::assertSame(['match', 'match', 'match', 'match'], self::statuses($report));
    }

    public function testNothingProduced(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), []);

        self::assertNull($report->firstDivergence);
        self::assertSame(
            "the code produced no command, so nothing diverges: it failed or is waiting before activity 'reserve' (event 5),"
            . ' the first of the 4 recorded steps',
            $report->likelyChange,
        );
        self::assertSame(['not_reached', 'not_reached', 'not_reached', 'not_reached'], self::statuses($report));
    }

    public function testFewerCommandsThanHistoryIsNoDivergence(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::stoppedAfterTimer());

        self::assertNull($report->firstDivergence);
        self::assertSame(
            "nothing the code produced diverges: it stopped after 2 of the 4 recorded steps, before activity 'charge'"
            . ' (event 16); it failed or is waiting',
            $report->likelyChange,
        );
    }

    public function testTheCodeFailingWhereHistoryWentOn(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::failedAfterReserve());

        self::assertSame(1, $report->firstDivergence);
        self::assertSame("the code failed with 'stock is empty' (src/Orders.php:39) where history went on to timer (event 11)", $report->likelyChange);
        self::assertNull($report->fix, 'a failure is not a moved call: patched() is not its remedy');
    }

    public function testTheCodeCompletingEarlyIsARemoval(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), [S::reserve(38), S::timer(40, '30s'), S::complete(42)]);

        self::assertSame("activity 'charge' (event 16) is no longer scheduled: the code went on to workflow completion (src/Orders.php:42)", $report->likelyChange);
    }

    public function testNothingOnEitherSide(): void
    {
        $report = DivergenceExplainer::explain([], []);

        self::assertNull($report->firstDivergence);
        self::assertSame('no divergence: neither history nor the code has a step', $report->likelyChange);
        self::assertSame([], $report->rows);
    }

    public function testCommandsPastTheEndOfAnOpenRunAreNew(): void
    {
        $recorded = \array_slice(S::ordersHistory(), 0, 2);

        $report = DivergenceExplainer::explain($recorded, S::unchanged());

        self::assertNull($report->firstDivergence);
        self::assertSame('no divergence: the code produced the 2 recorded steps, then 2 new ones history has not recorded yet', $report->likelyChange);
        self::assertSame(['match', 'match', 'new', 'new'], self::statuses($report));
    }

    public function testCommandsPastTheEndOfAClosedRunAreAdded(): void
    {
        $recorded = [new RecordedStep(5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve'), new RecordedStep(11, 'WorkflowExecutionCompleted', StepKind::Complete)];

        $report = DivergenceExplainer::explain($recorded, [S::reserve(38), S::timer(40, '30s'), S::complete(42)]);

        self::assertSame("a timer (src/Orders.php:40) was added before workflow completion (event 11)", $report->likelyChange);
    }

    /** The core drops a timer cancelled in the activation that started it: neither reaches history. */
    public function testATimerStartedAndCancelledAtOnceIsNotExpectedInHistory(): void
    {
        $produced = [
            S::reserve(38),
            S::timer(40, '30s', seq: 1),
            new ProducedCommand(StepKind::CancelTimer, null, null, S::FILE, 40, 1),
            S::charge(42),
        ];
        $recorded = [new RecordedStep(5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve'), new RecordedStep(11, 'ActivityTaskScheduled', StepKind::Activity, 'charge')];

        $report = DivergenceExplainer::explain($recorded, $produced);

        self::assertNull($report->firstDivergence);
        self::assertSame(['match', 'skipped', 'skipped', 'match'], self::statuses($report));
    }

    public function testATimerThatIsNotCancelledMustBeInHistory(): void
    {
        $recorded = [new RecordedStep(5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve'), new RecordedStep(11, 'ActivityTaskScheduled', StepKind::Activity, 'charge')];

        $report = DivergenceExplainer::explain($recorded, [S::reserve(38), S::timer(40, '30s', seq: 1), S::charge(42)]);

        self::assertSame("a timer (src/Orders.php:40) was added before activity 'charge' (event 11)", $report->likelyChange);
    }

    public function testCommandsHistoryNeverHoldsAreLeftOut(): void
    {
        $produced = [
            new ProducedCommand(StepKind::QueryResponse),
            S::reserve(38),
            new ProducedCommand(StepKind::UpdateResponse),
            new ProducedCommand(StepKind::RequestCancelLocalActivity, seq: 3),
        ];

        $report = DivergenceExplainer::explain([new RecordedStep(5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve')], $produced);

        self::assertNull($report->firstDivergence);
        self::assertSame(['match'], self::statuses($report));
    }

    public function testACancelledChildMatchesTheCancelRequestTheCoreRecordsForIt(): void
    {
        $recorded = [new RecordedStep(9, 'RequestCancelExternalWorkflowExecutionInitiated', StepKind::CancelChildWorkflow, null, 'ship-order-7')];

        $report = DivergenceExplainer::explain($recorded, [new ProducedCommand(StepKind::CancelChildWorkflow, seq: 1)]);

        self::assertSame(['match'], self::statuses($report));
    }

    /** A local activity's marker is recorded when it resolves, so a timer started beside it may come first. */
    public function testALocalActivityRecordedAfterAStepStartedBesideItIsNotADivergence(): void
    {
        $recorded = [new RecordedStep(5, 'TimerStarted', StepKind::Timer, null, '5s'), new RecordedStep(8, 'MarkerRecorded', StepKind::LocalActivity, 'price')];
        $produced = [new ProducedCommand(StepKind::LocalActivity, 'price', null, S::FILE, 36, 1), S::timer(37, '5s')];

        $report = DivergenceExplainer::explain($recorded, $produced);

        self::assertNull($report->firstDivergence);
        self::assertSame(['moved', 'moved'], self::statuses($report));
        self::assertSame(["local activity 'price' (event 8) is recorded when it resolves, not where it was scheduled: its place in history is not compared"], $report->notes);
    }

    public function testASignalsNameIsNotComparedAsTheCoreDoesNotCompareIt(): void
    {
        $recorded = [new RecordedStep(5, 'SignalExternalWorkflowExecutionInitiated', StepKind::SignalExternal, 'approve', 'order-7')];

        $report = DivergenceExplainer::explain($recorded, [new ProducedCommand(StepKind::SignalExternal, 'approved', 'order-7', S::FILE, 50)]);

        self::assertNull($report->firstDivergence);
    }

    public function testALongRunIsAlignedPastItsCommonPrefix(): void
    {
        $recorded = [];
        $produced = [];
        for ($i = 0; $i < 3000; $i++) {
            $recorded[] = new RecordedStep(5 + 6 * $i, 'ActivityTaskScheduled', StepKind::Activity, "step$i");
            $produced[] = new ProducedCommand(StepKind::Activity, "step$i", null, S::FILE, 50);
        }
        $produced[2500] = new ProducedCommand(StepKind::Activity, 'renamed', null, S::FILE, 51);

        $report = DivergenceExplainer::explain($recorded, \array_slice($produced, 0, 2501));

        self::assertSame(2500, $report->firstDivergence);
        self::assertSame("activity 'step2500' was renamed to 'renamed' (src/Orders.php:51)", $report->likelyChange);
        self::assertCount(3000, $report->rows);
    }

    public function testWhatIsPastTheAlignedWindowIsSaid(): void
    {
        $produced = array_fill(0, 450, S::timer(40, '1s'));

        $report = DivergenceExplainer::explain([], $produced);

        self::assertCount(400, $report->rows);
        self::assertSame(['left out of the table: the last 50 commands the code produced, past the aligned window'], $report->notes);
    }

    /** @return list<string> */
    private static function statuses(DivergenceReport $report): array
    {
        return array_map(fn (AlignedRow $row) => $row->status->value, $report->rows);
    }
}
