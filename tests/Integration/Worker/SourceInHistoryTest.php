<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\WorkflowReplayException;
use TrueAsync\Temporal\Testing\WorkflowEnvironment;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\SourcedChildWorkflow;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\SourcedWorkflow;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\SourcedWorkflowWithAnActivityFirst;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Worker\WorkflowReplayer;

require_once __DIR__ . '/Fixtures/SourcedWorkflows.php';

/**
 * WorkerOptions::withNondeterminismExplainer(sourceInHistory: true) on a worker of this process: the server
 * keeps each command's "file:line" on its event, and the explainer shows it beside the recorded steps.
 */
final class SourceInHistoryTest extends ServerTestCase
{
    private const FIXTURE = __DIR__ . '/Fixtures/SourcedWorkflows.php';

    public function testEachKindOfCommandCarriesItsSourceIntoHistoryAndTheReportShowsIt(): void
    {
        $handle = $this->runSourced(WorkerOptions::new()->withNondeterminismExplainer(sourceInHistory: true));

        self::assertSame([
            'TimerStarted' => self::sourceOf('timer'),
            'MarkerRecorded' => self::sourceOf('local activity'),
            'ActivityTaskScheduled' => self::sourceOf('activity'),
            'StartChildWorkflowExecutionInitiated' => self::sourceOf('child'),
        ], self::sourcesIn($handle));

        try {
            (new WorkflowReplayer())->registerWorkflowTypes(SourcedWorkflowWithAnActivityFirst::class)
                ->replayHistory($handle->fetchHistory());
            self::fail('the changed workflow replayed');
        } catch (WorkflowReplayException $e) {
            $report = (string) $e->getReport()?->render();
            self::assertStringContainsString('recorded at', $report);
            self::assertMatchesRegularExpression('/^> +5 +TimerStarted +0\.001s +' . preg_quote(self::sourceOf('timer'), '/')
                . ' +\|/m', $report);
            self::assertMatchesRegularExpression('/^ +11 +ActivityTaskScheduled +sourced\.greet +'
                . preg_quote(self::sourceOf('activity'), '/') . ' +\| +activity +sourced\.greet /m', $report);
        }
    }

    public function testByDefaultNoSourceGoesIntoHistory(): void
    {
        $handle = $this->runSourced(WorkerOptions::new());

        self::assertSame([], self::sourcesIn($handle));
    }

    private function runSourced(WorkerOptions $options): WorkflowHandle
    {
        $queue = 'sourced-' . bin2hex(random_bytes(4));
        $env = WorkflowEnvironment::fromClient(self::client());
        $env->newWorker($queue, $options)->registerWorkflowTypes(SourcedWorkflow::class, SourcedChildWorkflow::class)
            ->registerActivityCallable('sourced.greet', static fn (string $name): string => "hello $name");
        return $env->run(function () use ($queue): WorkflowHandle {
            $handle = self::client()->start('PhpSourced', [], WorkflowOptions::new()->withTaskQueue($queue));
            self::assertSame('hello local, hello remote, child', $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
            return $handle;
        });
    }

    /** @return array<string, string> event type => the source in its metadata, for the events that have one */
    private static function sourcesIn(WorkflowHandle $handle): array
    {
        $sources = [];
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            $details = $event->getUserMetadata()?->getDetails();
            if ($details !== null) {
                $type = str_replace('_', '', ucwords(strtolower(substr(EventType::name($event->getEventType()), 11)), '_'));
                $sources[$type] = self::client()->getDataConverter()->fromPayload($details, 'string');
            }
        }
        return $sources;
    }

    private static function sourceOf(string $marker): string
    {
        foreach (file(self::FIXTURE) ?: [] as $index => $line) {
            if (str_ends_with(rtrim($line), "// source: $marker")) {
                return self::FIXTURE . ':' . ($index + 1);
            }
        }
        self::fail("no line marked '$marker' in " . self::FIXTURE);
    }
}
