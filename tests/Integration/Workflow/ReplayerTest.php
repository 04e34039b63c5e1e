<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\WorkflowReplayException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;
use TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;
use TrueAsync\Temporal\Worker\WorkflowReplayer;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

require_once __DIR__ . '/Fixtures/Workflows.php';

/** The greeting workflow after a careless change: it now sleeps before its first activity. */
#[WorkflowInterface]
final class ChangedGreetingWorkflow
{
    #[WorkflowMethod(name: 'PhpGreeting')]
    public function run(string $name): array
    {
        Workflow::sleep(1);
        return (new Fixtures\GreetingWorkflow())->run($name);
    }
}

/** Histories recorded by a PHP worker, replayed by the core's replay worker against PHP classes (no server). */
final class ReplayerTest extends ServerTestCase
{
    /** @var array<string, WorkflowHistory> */
    private static array $histories = [];

    public static function setUpBeforeClass(): void
    {
        $queue = 'php-replay-' . bin2hex(random_bytes(4));
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        $worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/workflow-worker.php', $queue], 'php-replay-worker');
        $worker->waitFor('worker ready');
        try {
            foreach (['PhpGreeting' => ['Ada'], 'PhpTimer' => [0.2], 'PhpParallel' => [['A', 'B']],
                'PhpLocalActivity' => [], 'PhpAwaitTimeout' => []] as $type => $args) {
                $handle = self::client()->start($type, $args, WorkflowOptions::new()->withTaskQueue($queue)
                    ->withWorkflowId("replay-$type-" . bin2hex(random_bytes(4))));
                $handle->result(timeoutSeconds: 60);
                self::$histories[$type] = $handle->fetchHistory();
            }
            foreach (['PhpPatch' => $queue, 'PhpPatch-v2' => "$queue-v2"] as $name => $patchQueue) {
                $handle = self::client()->start('PhpPatch', [], WorkflowOptions::new()->withTaskQueue($patchQueue)
                    ->withWorkflowId("replay-$name-" . bin2hex(random_bytes(4))));
                $handle->result(timeoutSeconds: 60);
                self::$histories[$name] = $handle->fetchHistory();
            }
        } finally {
            $worker->stop();
        }
    }

    public function testRecordedHistoriesReplayCleanly(): void
    {
        $replayer = (new WorkflowReplayer())->registerWorkflowTypes(Fixtures\GreetingWorkflow::class,
            Fixtures\TimerWorkflow::class, Fixtures\ParallelWorkflow::class, Fixtures\LocalActivityWorkflow::class,
            Fixtures\AwaitTimeoutWorkflow::class);
        self::assertSame([], $replayer->replayHistories(array_diff_key(self::$histories, ['PhpPatch' => 1, 'PhpPatch-v2' => 1])));
    }

    public function testPatchedCodeReplaysOldAndNewHistoriesAndDeprecationKeepsTheNewOnes(): void
    {
        [$old, $new] = [self::$histories['PhpPatch'], self::$histories['PhpPatch-v2']];
        $patched = (new WorkflowReplayer())->registerWorkflowTypes(Fixtures\PatchV2Workflow::class);
        self::assertSame([], $patched->replayHistories([$old, $new]), 'the patched code replays both');
        $deprecated = (new WorkflowReplayer())->registerWorkflowTypes(Fixtures\PatchV3Workflow::class);
        self::assertSame([], $deprecated->replayHistories([$new]), 'the deprecated patch replays new histories');
        $failures = $deprecated->replayHistories([$old]);
        self::assertTrue($failures[$old->getWorkflowId()]->isNonDeterminism(),
            'without the old path, histories from before the patch no longer replay');
    }

    public function testTheCliJsonFormatReplaysToo(): void
    {
        $history = self::$histories['PhpGreeting'];
        $imported = WorkflowHistory::fromJson($history->getWorkflowId(), $history->toJson());
        (new WorkflowReplayer())->registerWorkflowTypes(Fixtures\GreetingWorkflow::class)->replayHistory($imported);
        $this->addToAssertionCount(1);  // replayHistory() throws on any failure
    }

    public function testADirectoryOfJsonHistoriesGetsAResultPerFile(): void
    {
        $dir = sys_get_temp_dir() . '/php-replay-dir-' . bin2hex(random_bytes(4));
        mkdir($dir);
        file_put_contents("$dir/greeting.json", self::$histories['PhpGreeting']->toJson());
        file_put_contents("$dir/parallel.json", self::$histories['PhpParallel']->toJson());
        file_put_contents("$dir/notes.txt", 'not a history, not read');
        try {
            $results = (new WorkflowReplayer())
                ->registerWorkflowTypes(ChangedGreetingWorkflow::class, Fixtures\ParallelWorkflow::class)
                ->replayHistoriesFromDirectory($dir);
            self::assertSame(['greeting.json', 'parallel.json'], array_keys($results));
            self::assertTrue($results['greeting.json']?->isNonDeterminism(), 'the greeting changed');
            self::assertSame('greeting.json', $results['greeting.json']->getWorkflowId());
            self::assertNull($results['parallel.json']);
            $unregistered = (new WorkflowReplayer())->registerWorkflowTypes(Fixtures\ParallelWorkflow::class)
                ->replayHistoriesFromDirectory($dir)['greeting.json'];
            self::assertStringContainsString('is not registered', (string) $unregistered?->getMessage(),
                'a history whose workflow type is not registered does not pass');

            file_put_contents("$dir/broken.json", '{"events": 7}');
            $this->expectException(\ValueError::class);
            $this->expectExceptionMessage("$dir/broken.json: WorkflowHistory::fromJson(): not a workflow history");
            (new WorkflowReplayer())->replayHistoriesFromDirectory($dir);
        } finally {
            array_map(unlink(...), glob("$dir/*"));
            rmdir($dir);
        }
    }

    public function testAChangedWorkflowIsReportedNonDeterministicWithTheDifference(): void
    {
        try {
            (new WorkflowReplayer())->registerWorkflowTypes(ChangedGreetingWorkflow::class)
                ->replayHistory(self::$histories['PhpGreeting']);
            self::fail('the changed workflow replayed without complaint');
        } catch (WorkflowReplayException $e) {
            self::assertTrue($e->isNonDeterminism(), $e->getMessage());
            self::assertSame(self::$histories['PhpGreeting']->getWorkflowId(), $e->getWorkflowId());
            // The core names the command the code produced and the history event it does not match.
            self::assertMatchesRegularExpression(
                '/is not deterministic: \[TMPRL1100\] Nondeterminism error: Timer machine does not handle this event: '
                . 'HistoryEvent\(id: \d+, ActivityTaskScheduled\)$/m',
                $e->getMessage(),
            );
            // The explainer names the change and where it is: the sleep two lines into ChangedGreetingWorkflow::run().
            $sleep = __FILE__ . ':' . ((new \ReflectionMethod(ChangedGreetingWorkflow::class, 'run'))->getStartLine() + 2);
            self::assertSame("a timer ($sleep) was added before activity 'wf.greet' (event 5)", $e->getReport()?->likelyChange);
            self::assertStringContainsString($e->getReport()->render(), $e->getMessage());
            $silent = (new WorkflowReplayer())->registerWorkflowTypes(ChangedGreetingWorkflow::class)
                ->withNondeterminismExplainer(false)->replayHistories([self::$histories['PhpGreeting']]);
            self::assertNull(reset($silent)->getReport(), 'the explainer turned off adds nothing');
        }
    }
}
