<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Tests\Unit\Workflow\Determinism\Scenarios as S;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceExplainer;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceReport;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;
use TrueAsync\Temporal\Workflow\Determinism\StepKind;

final class DivergenceReportTest extends TestCase
{
    public function testRenderPutsHistoryLeftCodeRightAndMarksTheFirstDivergence(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::timerAdded());

        self::assertSame(<<<'TEXT'
               event  history                     name     |  code      name     at
                   5  ActivityTaskScheduled       reserve  |  activity  reserve  src/Orders.php:38
                  11  TimerStarted                30s      |  timer     30s      src/Orders.php:40
            >                                              |  timer     5s       src/Orders.php:42  added
                  16  ActivityTaskScheduled       charge   |                                        not reached
                  22  WorkflowExecutionCompleted           |                                        not reached
            likely change: a timer (src/Orders.php:42) was added before activity 'charge' (event 16)
            fix: guard the change with Workflow::patched(...): runs recorded before the change then keep the old calls
            TEXT, $report->render());
    }

    public function testSourcesWrittenIntoHistoryShowBesideTheRecordedSteps(): void
    {
        $recorded = [
            new RecordedStep(5, 'ActivityTaskScheduled', StepKind::Activity, 'reserve', null, 'src/Orders.php:38'),
            new RecordedStep(11, 'TimerStarted', StepKind::Timer, null, '30s'),  // a step of a worker that wrote none
        ];
        $produced = [new ProducedCommand(StepKind::Activity, 'hold', null, 'src/Orders.php', 38)];

        self::assertStringStartsWith(<<<'TEXT'
               event  history                name     recorded at        |  code      name  at
            >      5  ActivityTaskScheduled  reserve  src/Orders.php:38  |  activity  hold  src/Orders.php:38  renamed
                  11  TimerStarted           30s                         |                                     not reached
            TEXT, DivergenceExplainer::explain($recorded, $produced)->render());
    }

    public function testRenderNamesWhoseMarkerItIs(): void
    {
        $report = DivergenceExplainer::explain(S::patchedOrdersHistory(), S::patchedCallDropped());

        self::assertStringContainsString(">      5  MarkerRecorded              patch marker use-hold  |                                     removed\n", $report->render());
    }

    public function testRenderEndsWithTheNotes(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::timerLengthened());

        self::assertStringEndsWith(
            "likely change: no divergence: the code produced the 4 recorded steps in order\n"
            . 'note: timer (event 11) now waits 60s where history recorded 30s (src/Orders.php:40): not a divergence,'
            . ' the core does not compare durations; runs that already started it keep 30s',
            $report->render(),
        );
    }

    public function testLongRunsOfMatchingAndUnreachedStepsFold(): void
    {
        $recorded = [];
        $produced = [];
        for ($i = 0; $i < 20; $i++) {
            $recorded[] = new RecordedStep(5 + 6 * $i, 'ActivityTaskScheduled', StepKind::Activity, "step$i");
            $produced[] = new ProducedCommand(StepKind::Activity, "step$i", null, S::FILE, 50);
        }
        $produced[10] = new ProducedCommand(StepKind::Activity, 'renamed', null, S::FILE, 51);

        $report = DivergenceExplainer::explain($recorded, \array_slice($produced, 0, 11));

        self::assertSame(<<<'TEXT'
               event  history                name    |  code      name     at
                   5  ActivityTaskScheduled  step0   |  activity  step0    src/Orders.php:50
                  11  ActivityTaskScheduled  step1   |  activity  step1    src/Orders.php:50
                      ... 6 more matching steps ...
                  53  ActivityTaskScheduled  step8   |  activity  step8    src/Orders.php:50
                  59  ActivityTaskScheduled  step9   |  activity  step9    src/Orders.php:50
            >     65  ActivityTaskScheduled  step10  |  activity  renamed  src/Orders.php:51  renamed
                  71  ActivityTaskScheduled  step11  |                                        not reached
                  77  ActivityTaskScheduled  step12  |                                        not reached
                      ... 5 more recorded steps not reached ...
                 113  ActivityTaskScheduled  step18  |                                        not reached
                 119  ActivityTaskScheduled  step19  |                                        not reached
            likely change: activity 'step10' was renamed to 'renamed' (src/Orders.php:51)
            fix: guard the change with Workflow::patched(...): runs recorded before the change then keep the old calls
            TEXT, $report->render());
    }

    public function testRenderHasNoTrailingSpacesAndOnlyAscii(): void
    {
        $text = DivergenceExplainer::explain(S::concurrentHistory(), S::concurrentSwapped())->render();

        self::assertDoesNotMatchRegularExpression('/ $/m', $text);
        self::assertMatchesRegularExpression('/^[\x0a\x20-\x7e]+$/', $text);
    }

    public function testALongNameIsCutInTheTable(): void
    {
        $recorded = [new RecordedStep(5, 'StartChildWorkflowExecutionInitiated', StepKind::ChildWorkflow, 'Ship', str_repeat('x', 60))];

        $text = DivergenceExplainer::explain($recorded, [])->render();

        self::assertStringContainsString('Ship (' . str_repeat('x', 31) . '...  |', $text);
    }

    public function testSummaryIsOneLineWithTheFix(): void
    {
        $report = DivergenceExplainer::explain(S::ordersHistory(), S::reserveRenamed());

        self::assertSame(
            "activity 'reserve' was renamed to 'hold' (src/Orders.php:38); fix: guard the change with Workflow::patched(...):"
            . ' runs recorded before the change then keep the old calls',
            $report->summary(),
        );
        self::assertSame('no divergence: neither history nor the code has a step', DivergenceExplainer::explain([], [])->summary());
    }

    public function testAFirstDivergenceOutsideTheRowsIsRefused(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('DivergenceReport: $firstDivergence 0 is not the index of a row');

        new DivergenceReport([], 0, 'nothing');
    }

    /**
     * docs/nondeterminism.md shows these reports as the tests render them: a change to the wording fails here
     * until the page shows it too.
     *
     * @dataProvider documented
     * @param string $history a Scenarios method: what the run recorded
     * @param string $code a Scenarios method: what the changed code produces
     */
    public function testTheDocsShowTheReportsAsRendered(string $test, string $history, string $code): void
    {
        $docs = (string) file_get_contents(\dirname(__DIR__, 4) . '/docs/nondeterminism.md');
        $report = DivergenceExplainer::explain([S::class, $history](), [S::class, $code]());

        self::assertStringContainsString("DivergenceExplainerTest::$test", $docs, 'the page names the test that produces the report');
        self::assertStringContainsString("```text\n" . $report->render() . "\n```", $docs);
    }

    /** @return iterable<string, array{string, string, string}> */
    public static function documented(): iterable
    {
        yield 'added' => ['testACallAdded', 'ordersHistory', 'timerAdded'];
        yield 'removed' => ['testACallRemoved', 'ordersHistory', 'reserveRemoved'];
        yield 'moved across a wait' => ['testACallMovedAcrossAWait', 'ordersHistory', 'chargeMovedUp'];
        yield 'swapped' => ['testTwoCallsOfOneWorkflowTaskSwapped', 'concurrentHistory', 'concurrentSwapped'];
        yield 'activity renamed' => ['testAnActivityRenamed', 'ordersHistory', 'reserveRenamed'];
        yield 'child renamed' => ['testAChildWorkflowTypeRenamed', 'fulfilHistory', 'childRenamed'];
        yield 'timer lengthened' => ['testATimersDurationChangedIsANoteNotADivergence', 'ordersHistory', 'timerLengthened'];
        yield 'patched dropped' => ['testPatchedCallDroppedWhileHistoryHasTheMarker', 'patchedOrdersHistory', 'patchedCallDropped'];
        yield 'patched reverted' => ['testPatchedCallDroppedAndTheOldCallBack', 'patchedOrdersHistory', 'patchedCallReverted'];
        yield 'failed' => ['testTheCodeFailingWhereHistoryWentOn', 'ordersHistory', 'failedAfterReserve'];
        yield 'stopped' => ['testFewerCommandsThanHistoryIsNoDivergence', 'ordersHistory', 'stoppedAfterTimer'];
        yield 'nothing produced' => ['testNothingProduced', 'ordersHistory', 'nothing'];
        yield 'unchanged' => ['testIdenticalSequencesDoNotDiverge', 'ordersHistory', 'unchanged'];
    }
}
