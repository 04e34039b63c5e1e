<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use Google\Protobuf\Duration;
use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\SearchAttributes;
use TrueAsync\Temporal\Api\Coresdk\Common\NamespacedWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelChildWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelSignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CancelWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\CompleteWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ContinueAsNewWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\FailWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ModifyWorkflowProperties;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\QueryResult;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelExternalWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\RequestCancelLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleLocalActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ScheduleNexusOperation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\SetPatchMarker;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\SignalExternalWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\StartChildWorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\StartTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\UpdateResponse;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\UpsertWorkflowSearchAttributes;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\StepKind;

final class ProducedCommandTest extends TestCase
{
    /**
     * @dataProvider commands
     * @param array{StepKind, ?string, ?string, ?int} $expected kind, name, detail, seq
     */
    public function testFromCommandReadsEachKindTheEngineEmits(WorkflowCommand $command, array $expected): void
    {
        $produced = ProducedCommand::fromCommand($command, 'src/Orders.php', 42);

        self::assertSame($expected, [$produced->kind, $produced->name, $produced->detail, $produced->seq]);
        self::assertSame('src/Orders.php', $produced->file);
        self::assertSame(42, $produced->line);
    }

    /** @return iterable<string, array{WorkflowCommand, array{StepKind, ?string, ?string, ?int}}> */
    public static function commands(): iterable
    {
        $memo = new Memo(['fields' => ['note' => new Payload(), 'customer' => new Payload()]]);
        $attributes = new SearchAttributes(['indexed_fields' => ['Status' => new Payload(), 'CustomerId' => new Payload()]]);
        $target = new NamespacedWorkflowExecution(['workflow_id' => 'order-7']);
        yield 'timer' => [self::command('start_timer', new StartTimer(['seq' => 1, 'start_to_fire_timeout' => new Duration(['seconds' => 30])])),
            [StepKind::Timer, null, '30s', 1]];
        yield 'timer, fractional' => [self::command('start_timer', new StartTimer(['seq' => 2, 'start_to_fire_timeout' => new Duration(['seconds' => 1, 'nanos' => 500_000_000])])),
            [StepKind::Timer, null, '1.5s', 2]];
        yield 'cancel timer' => [self::command('cancel_timer', new CancelTimer(['seq' => 1])), [StepKind::CancelTimer, null, null, 1]];
        yield 'activity' => [self::command('schedule_activity', new ScheduleActivity(['seq' => 3, 'activity_type' => 'charge'])),
            [StepKind::Activity, 'charge', null, 3]];
        yield 'cancel activity' => [self::command('request_cancel_activity', new RequestCancelActivity(['seq' => 3])),
            [StepKind::RequestCancelActivity, null, null, 3]];
        yield 'local activity' => [self::command('schedule_local_activity', new ScheduleLocalActivity(['seq' => 4, 'activity_type' => 'price'])),
            [StepKind::LocalActivity, 'price', null, 4]];
        yield 'cancel local activity' => [self::command('request_cancel_local_activity', new RequestCancelLocalActivity(['seq' => 4])),
            [StepKind::RequestCancelLocalActivity, null, null, 4]];
        yield 'child workflow' => [self::command('start_child_workflow_execution', new StartChildWorkflowExecution(['seq' => 5, 'workflow_type' => 'ShipOrder', 'workflow_id' => 'ship-7'])),
            [StepKind::ChildWorkflow, 'ShipOrder', 'ship-7', 5]];
        yield 'cancel child' => [self::command('cancel_child_workflow_execution', new CancelChildWorkflowExecution(['child_workflow_seq' => 5])),
            [StepKind::CancelChildWorkflow, null, null, 5]];
        yield 'signal external' => [self::command('signal_external_workflow_execution', new SignalExternalWorkflowExecution(['seq' => 6, 'signal_name' => 'approve', 'workflow_execution' => $target])),
            [StepKind::SignalExternal, 'approve', 'order-7', 6]];
        yield 'signal child' => [self::command('signal_external_workflow_execution', new SignalExternalWorkflowExecution(['seq' => 7, 'signal_name' => 'approve', 'child_workflow_id' => 'ship-7'])),
            [StepKind::SignalExternal, 'approve', 'ship-7', 7]];
        yield 'cancel signal' => [self::command('cancel_signal_workflow', new CancelSignalWorkflow(['seq' => 6])), [StepKind::CancelSignalExternal, null, null, 6]];
        yield 'cancel external' => [self::command('request_cancel_external_workflow_execution', new RequestCancelExternalWorkflowExecution(['seq' => 8, 'workflow_execution' => $target])),
            [StepKind::CancelExternal, null, 'order-7', 8]];
        yield 'patch' => [self::command('set_patch_marker', new SetPatchMarker(['patch_id' => 'use-hold'])), [StepKind::PatchMarker, 'use-hold', null, null]];
        yield 'deprecated patch' => [self::command('set_patch_marker', new SetPatchMarker(['patch_id' => 'use-hold', 'deprecated' => true])),
            [StepKind::PatchMarker, 'use-hold', 'deprecated', null]];
        yield 'search attributes' => [self::command('upsert_workflow_search_attributes', new UpsertWorkflowSearchAttributes(['search_attributes' => $attributes])),
            [StepKind::UpsertSearchAttributes, null, 'CustomerId, Status', null]];
        yield 'memo' => [self::command('modify_workflow_properties', new ModifyWorkflowProperties(['upserted_memo' => $memo])),
            [StepKind::ModifyProperties, null, 'customer, note', null]];
        yield 'complete' => [self::command('complete_workflow_execution', new CompleteWorkflowExecution()), [StepKind::Complete, null, null, null]];
        yield 'fail' => [self::command('fail_workflow_execution', new FailWorkflowExecution(['failure' => new Failure(['message' => 'card declined'])])),
            [StepKind::Fail, null, 'card declined', null]];
        yield 'continue as new, same type' => [self::command('continue_as_new_workflow_execution', new ContinueAsNewWorkflowExecution()),
            [StepKind::ContinueAsNew, null, null, null]];
        yield 'continue as new, other type' => [self::command('continue_as_new_workflow_execution', new ContinueAsNewWorkflowExecution(['workflow_type' => 'OrdersV2'])),
            [StepKind::ContinueAsNew, 'OrdersV2', null, null]];
        yield 'cancel workflow' => [self::command('cancel_workflow_execution', new CancelWorkflowExecution()), [StepKind::CancelWorkflow, null, null, null]];
        yield 'query response' => [self::command('respond_to_query', new QueryResult(['query_id' => 'q1'])), [StepKind::QueryResponse, null, null, null]];
        yield 'update response' => [self::command('update_response', new UpdateResponse(['protocol_instance_id' => 'u1'])), [StepKind::UpdateResponse, null, null, null]];
    }

    public function testTheLocationIsFileColonLine(): void
    {
        self::assertSame('src/Orders.php:42', (new ProducedCommand(StepKind::Timer, file: 'src/Orders.php', line: 42))->location());
        self::assertSame('src/Orders.php', (new ProducedCommand(StepKind::Timer, file: 'src/Orders.php'))->location());
        self::assertNull((new ProducedCommand(StepKind::Timer, line: 42))->location(), 'a line without its file locates nothing');
    }

    public function testACommandWithoutAVariantIsRefused(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('ProducedCommand::fromCommand(): the command has no variant');

        ProducedCommand::fromCommand(new WorkflowCommand(), null, null);
    }

    public function testACommandThisSdkNeverEmitsIsRefused(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("ProducedCommand::fromCommand(): 'schedule_nexus_operation' is not a command this SDK emits");

        ProducedCommand::fromCommand(self::command('schedule_nexus_operation', new ScheduleNexusOperation()), null, null);
    }

    public function testALineBelowOneIsRefused(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('ProducedCommand: $line must be at least 1, got 0');

        new ProducedCommand(StepKind::Timer, file: 'src/Orders.php', line: 0);
    }

    private static function command(string $variant, object $message): WorkflowCommand
    {
        return new WorkflowCommand([$variant => $message]);
    }
}
