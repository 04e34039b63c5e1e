<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Internal\Service\HistoryFetcher;
use TrueAsync\Temporal\Internal\WorkflowService;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** fetchHistory() against the server and the Temporal CLI's JSON export of the same history. */
final class HistoryTest extends ServerTestCase
{
    public function testFetchHistoryReadsEveryEventOfTheRun(): void
    {
        $handle = self::startWorkflow('SignalQueryWorkflow');
        for ($i = 1; $i <= 5; $i++) {
            $handle->signal('add', $i);
        }
        $handle->signal('finish');
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $history = $handle->fetchHistory();
        $paged = (new HistoryFetcher(self::service(), 2))->fetch(new WorkflowExecution($handle->getId()));

        $events = $history->getEvents();
        $this->assertSame(EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, $events[0]->getEventType());
        $this->assertSame(EventType::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, end($events)->getEventType());
        $this->assertSame(range(1, \count($history)), array_map(fn ($e) => (int) $e->getEventId(), $events));
        $this->assertGreaterThan(2, \count($history));
        $this->assertSame($history->getHistory()->serializeToString(), $paged->serializeToString());
    }

    public function testExportMatchesTheTemporalCliJsonAndItsJsonImports(): void
    {
        $handle = self::startWorkflow('EchoWorkflow', ['zoë', ['a' => [1, 2]]]);
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        $history = $handle->fetchHistory();

        $cliJson = $this->cliShow($handle->getId());
        $imported = WorkflowHistory::fromJson($handle->getId(), $cliJson);

        $this->assertEquals(json_decode($cliJson, true), json_decode($history->toJson(), true));
        $this->assertSame($cliJson, $history->toJson());
        $this->assertStringStartsWith("{\n  \"events\": [\n    {\n      \"eventId\": \"1\",", $history->toJson());
        $this->assertSame($history->getHistory()->serializeToString(), $imported->getHistory()->serializeToString());
        $this->assertSame($handle->getId(), $imported->getWorkflowId());
    }

    public function testImportRejectsJsonThatIsNoHistory(): void
    {
        $this->expectException(\ValueError::class);
        WorkflowHistory::fromJson('wf', '{"events": 3}');
    }

    private function cliShow(string $workflowId): string
    {
        $root = \dirname(__DIR__, 3);
        $cli = trim((string) shell_exec(escapeshellarg("$root/scripts/temporal-cli.sh") . ' 2>/dev/null'));
        $this->assertFileExists($cli, 'scripts/temporal-cli.sh found no temporal CLI');
        $command = [$cli, 'workflow', 'show', '--address', self::address(), '-w', $workflowId, '--output', 'json'];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $json = stream_get_contents($pipes[1]);
        $errors = stream_get_contents($pipes[2]);
        $this->assertSame(0, proc_close($process), "temporal workflow show failed: $errors");
        return (string) $json;
    }

    private static function service(): WorkflowService
    {
        $options = ConnectionOptions::new(self::address());
        return new WorkflowService(Core\Connection::connect($options->toJson()), $options);
    }
}
