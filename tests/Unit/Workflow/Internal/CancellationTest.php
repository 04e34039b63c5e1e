<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityResolution;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Success as ActivitySuccess;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\CancelWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\FireTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveChildWorkflowExecutionStart;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveChildWorkflowExecutionStartSuccess;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveRequestCancelExternalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveSignalExternalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/**
 * Cancellation against every blessed wait, driven by hand-built activations: cancelled before the wait
 * starts, while it waits, and in the same activation that resolves it (both job orders). The integration
 * suite runs the same cases against a server (WorkflowCancellationTest).
 */
final class CancellationTest extends TestCase
{
    /** @return array<string, array{\Closure(): mixed}> */
    public static function waits(): array
    {
        return [
            'timer' => [fn () => Workflow::sleep(10) ?? 'fired'],
            'activity' => [fn () => Workflow::executeActivity('act', [], ActivityOptions::new()->withStartToCloseTimeout(10))],
            'local activity' => [fn () => Workflow::executeLocalActivity('act', [], LocalActivityOptions::new()->withStartToCloseTimeout(10))],
            'child start' => [fn () => Workflow::startChildWorkflow('Child', [], ChildWorkflowOptions::new()->withWorkflowId('child'))
                ->getFirstExecutionRunId()],
            'external signal' => [fn () => Workflow::signalExternalWorkflow('other', null, 'ping') ?? 'signalled'],
            'external cancel' => [fn () => Workflow::cancelExternalWorkflow('other') ?? 'cancel requested'],
            'await' => [fn () => Workflow::await(fn () => false)],
            'await with timeout' => [fn () => Workflow::await(fn () => false, 10)],
        ];
    }

    public function testABranchCancelledBeforeItRunsFailsItsFirstWaitAtOnce(): void
    {
        [, $commands] = ProbeWorkflow::start(function (): string {
            $branch = Workflow::async(fn () => Workflow::sleep(10));
            $branch->cancel();
            try {
                $branch->await();
                return 'the branch slept';
            } catch (CanceledFailure) {
                return 'cancelled';
            }
        });
        self::assertSame(['complete_workflow_execution'], ProbeWorkflow::variants($commands), 'no timer was started');
        self::assertSame('cancelled', ProbeWorkflow::result($commands[0]));
    }

    /** @dataProvider waits */
    public function testAWaitStartedInACancelledScopeFailsAtOnceWithoutACommand(\Closure $wait): void
    {
        [, $commands] = ProbeWorkflow::start(function () use ($wait): string {
            $branch = null;
            $branch = Workflow::async(function () use (&$branch, $wait): mixed {
                $branch->cancel();  // the branch is running, not waiting: the cancellation meets its next wait
                return $wait();
            });
            try {
                return 'returned ' . json_encode($branch->await());
            } catch (CanceledFailure) {
                return 'cancelled';
            }
        });
        self::assertSame(['complete_workflow_execution'], ProbeWorkflow::variants($commands));
        self::assertSame('cancelled', ProbeWorkflow::result($commands[0]));
    }

    /** @return array<string, array{\Closure(): mixed, list<string>}> */
    public static function cancelsWhileWaiting(): array
    {
        $waits = self::waits();
        $done = 'complete_workflow_execution';
        return [
            'timer' => [$waits['timer'][0], ['cancel_timer', $done]],
            'activity' => [$waits['activity'][0], ['request_cancel_activity']],
            'local activity' => [$waits['local activity'][0], ['request_cancel_local_activity']],
            'child start' => [$waits['child start'][0], ['cancel_child_workflow_execution']],
            'external signal' => [$waits['external signal'][0], ['cancel_signal_workflow']],
            'external cancel' => [$waits['external cancel'][0], []],
            'await' => [$waits['await'][0], [$done]],
            'await with timeout' => [$waits['await with timeout'][0], ['cancel_timer', $done]],
        ];
    }

    /**
     * @dataProvider cancelsWhileWaiting
     * @param list<string> $expected what the cancellation emits (and completion, where the wait ends at once)
     */
    public function testCancellingAWaitingFiberEmitsItsCancellationOnce(\Closure $wait, array $expected): void
    {
        [$run] = ProbeWorkflow::start(function () use ($wait): string {
            try {
                $wait();
                return 'not cancelled';
            } catch (CanceledFailure) {
                return 'cancelled';
            }
        });
        $cancel = new WorkflowActivationJob(['cancel_workflow' => new CancelWorkflow()]);
        self::assertSame($expected, ProbeWorkflow::variants($run->activate(ProbeWorkflow::activation([$cancel]))));
        self::assertSame([], ProbeWorkflow::variants($run->activate(ProbeWorkflow::activation([$cancel]))),
            'a second cancellation emits nothing more');
    }

    /** @return array<string, array{\Closure(): mixed, WorkflowActivationJob, mixed, bool}> */
    public static function resolvedWithTheCancellation(): array
    {
        $waits = self::waits();
        $cases = [
            'timer' => [$waits['timer'][0], ['fire_timer' => new FireTimer(['seq' => 1])], 'fired'],
            'activity' => [$waits['activity'][0], ['resolve_activity' => new ResolveActivity(['seq' => 1,
                'result' => self::activityResult('done')])], 'done'],
            'local activity' => [$waits['local activity'][0], ['resolve_activity' => new ResolveActivity(['seq' => 1,
                'result' => self::activityResult('done locally'), 'is_local' => true])], 'done locally'],
            'child start' => [$waits['child start'][0], ['resolve_child_workflow_execution_start' =>
                new ResolveChildWorkflowExecutionStart(['seq' => 1,
                    'succeeded' => new ResolveChildWorkflowExecutionStartSuccess(['run_id' => 'child-run'])])], 'child-run'],
            'external signal' => [$waits['external signal'][0], ['resolve_signal_external_workflow' =>
                new ResolveSignalExternalWorkflow(['seq' => 1])], 'signalled'],
            'external cancel' => [$waits['external cancel'][0], ['resolve_request_cancel_external_workflow' =>
                new ResolveRequestCancelExternalWorkflow(['seq' => 1])], 'cancel requested'],
            'await with timeout' => [$waits['await with timeout'][0], ['fire_timer' => new FireTimer(['seq' => 1])], false],
        ];
        $both = [];
        foreach ($cases as $name => [$wait, $job, $value]) {
            $both["$name, cancellation first"] = [$wait, new WorkflowActivationJob($job), $value, true];
            $both["$name, resolution first"] = [$wait, new WorkflowActivationJob($job), $value, false];
        }
        return $both;
    }

    /**
     * The core applies a whole activation before any Fiber runs: the resolution wins, the next wait fails.
     *
     * @dataProvider resolvedWithTheCancellation
     */
    public function testAWaitResolvedInTheCancellingActivationReturnsItsValue(\Closure $wait, WorkflowActivationJob $resolution, mixed $value, bool $cancelFirst): void
    {
        [$run] = ProbeWorkflow::start(function () use ($wait): array {
            $value = $wait();
            try {
                Workflow::sleep(1);
                return [$value, 'the next wait ran'];
            } catch (CanceledFailure) {
                return [$value, 'the next wait was cancelled'];
            }
        });
        $cancel = new WorkflowActivationJob(['cancel_workflow' => new CancelWorkflow()]);
        $commands = $run->activate(ProbeWorkflow::activation($cancelFirst ? [$cancel, $resolution] : [$resolution, $cancel]));
        self::assertSame(['complete_workflow_execution'], ProbeWorkflow::variants($commands), 'nothing cancels a resolved wait');
        self::assertSame([$value, 'the next wait was cancelled'], ProbeWorkflow::result($commands[0]));
    }

    /** The hang once seen: a branch whose child started in the cancelling activation never cancelled the child. */
    public function testAChildStartedInTheCancellingActivationIsCancelledByItsResultWait(): void
    {
        [$run] = ProbeWorkflow::start(function (): mixed {
            $branch = Workflow::async(fn () => Workflow::startChildWorkflow('Child', [],
                ChildWorkflowOptions::new()->withWorkflowId('child'))->getResult());
            return $branch->await();
        });
        $commands = $run->activate(ProbeWorkflow::activation([
            new WorkflowActivationJob(['cancel_workflow' => new CancelWorkflow()]),
            new WorkflowActivationJob(['resolve_child_workflow_execution_start' => new ResolveChildWorkflowExecutionStart([
                'seq' => 1, 'succeeded' => new ResolveChildWorkflowExecutionStartSuccess(['run_id' => 'child-run'])])]),
        ]));
        self::assertSame(['cancel_child_workflow_execution'], ProbeWorkflow::variants($commands));
    }

    public function testACancelledWorkflowCanStillJoinItsDetachedCleanup(): void
    {
        [$run] = ProbeWorkflow::start(function (): string {
            try {
                Workflow::sleep(100);
                return 'slept';
            } catch (CanceledFailure) {
                Workflow::asyncDetached(fn () => Workflow::sleep(1))->await();
                return 'cleaned up';
            }
        });
        $commands = $run->activate(ProbeWorkflow::activation([new WorkflowActivationJob(['cancel_workflow' => new CancelWorkflow()])]));
        self::assertSame(['cancel_timer', 'start_timer'], ProbeWorkflow::variants($commands));
        $commands = $run->activate(ProbeWorkflow::activation([new WorkflowActivationJob(['fire_timer' => new FireTimer(['seq' => 2])])]));
        self::assertSame('cleaned up', ProbeWorkflow::result($commands[0]));
    }

    private static function activityResult(string $value): ActivityResolution
    {
        return new ActivityResolution(['completed' => new ActivitySuccess(
            ['result' => DataConverter::default()->toPayloads([$value])->getPayloads()[0]])]);
    }
}
