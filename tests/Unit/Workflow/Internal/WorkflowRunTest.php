<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\QueryWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\SignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\Internal\WorkflowDefinition;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\WorkflowInfo;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class SleepyWorkflow
{
    public static bool $finallyRan = false;
    public static string $refusal = '';

    #[WorkflowMethod]
    public function run(): void
    {
        try {
            Workflow::sleep(100);
        } finally {
            self::$finallyRan = true;
            try {
                Workflow::sleep(1);
            } catch (\LogicException $e) {
                self::$refusal = $e->getMessage();
            }
        }
    }

    #[QueryMethod]
    public function sneaky(): void
    {
        Workflow::sleep(1);
    }
}

#[WorkflowInterface]
final class LateDynamicHandlerWorkflow
{
    /** @var list<string> */
    private array $seen = [];

    #[WorkflowMethod]
    public function run(): void
    {
        Workflow::registerDynamicHandler('signal', function (string $name, EncodedArguments $input): void {
            $this->seen[] = $name . ':' . $input->getValue(0);
        });
        Workflow::await(fn (): bool => false);
    }

    #[QueryMethod]
    public function seen(): array
    {
        return $this->seen;
    }
}

/** The run's lifecycle, driven by hand-built activations (the core's messages; no server involved). */
final class WorkflowRunTest extends TestCase
{
    public function testEvictionRunsFinallyBlocksAndRefusesBlessedCallsInThem(): void
    {
        SleepyWorkflow::$finallyRan = false;
        $run = $this->startedRun();
        $run->evict();
        self::assertTrue(SleepyWorkflow::$finallyRan);
        self::assertSame('the workflow run is being evicted from the cache; nothing more can be started',
            SleepyWorkflow::$refusal);
    }

    public function testEvicting1000RunsLeavesNoWorkflowObjectReachable(): void
    {
        $references = [];
        for ($i = 0; $i < 1000; $i++) {
            $run = $this->startedRun();
            $references[] = \WeakReference::create($run->instance());
            $run->evict();
            unset($run);
        }
        gc_collect_cycles();
        self::assertSame([], array_filter($references, fn (\WeakReference $r) => $r->get() !== null));
    }

    public function testAQueryThatTriesToWaitFailsAndChangesNothing(): void
    {
        $run = $this->startedRun();
        $commands = $run->activate($this->activation([new WorkflowActivationJob(['query_workflow' =>
            new QueryWorkflow(['query_id' => 'q1', 'query_type' => 'sneaky'])])]));
        self::assertCount(1, $commands);
        $failure = $commands[0]->getRespondToQuery()->getFailed();
        self::assertSame('a query handler is read-only: it cannot start activities, timers or waits', $failure->getMessage());
    }

    public function testStackTraceQueryShowsWhereEachFiberWaits(): void
    {
        $run = $this->startedRun();
        $commands = $run->activate($this->activation([new WorkflowActivationJob(['query_workflow' =>
            new QueryWorkflow(['query_id' => 'q2', 'query_type' => '__stack_trace'])])]));
        $trace = DataConverter::default()->fromPayloads(new \TrueAsync\Temporal\Api\Common\V1\Payloads(
            ['payloads' => [$commands[0]->getRespondToQuery()->getSucceeded()->getResponse()]]))[0];
        $line = (new \ReflectionMethod(SleepyWorkflow::class, 'run'))->getStartLine() + 3;
        self::assertStringContainsString(__FILE__ . "($line): TrueAsync\\Temporal\\Workflow::sleep()", $trace);
    }

    public function testADynamicSignalHandlerGetsEverySignalThatArrivedBeforeItInArrivalOrder(): void
    {
        // The signals come in the run's first activation, before the workflow method has registered anything.
        $init = new InitializeWorkflow(['workflow_type' => 'Late', 'workflow_id' => 'wf', 'randomness_seed' => 7]);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(LateDynamicHandlerWorkflow::class),
            WorkflowInfo::fromInitialize($init, 'run-1', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()), DataConverter::default());
        $run->activate($this->activation([
            new WorkflowActivationJob(['initialize_workflow' => $init]),
            $this->signal('ping', 'a'),
            $this->signal('pong', 'b'),
            $this->signal('ping', 'c'),
        ]));
        $commands = $run->activate($this->activation([new WorkflowActivationJob(['query_workflow' =>
            new QueryWorkflow(['query_id' => 'q3', 'query_type' => 'seen'])])]));
        self::assertSame([['ping:a', 'pong:b', 'ping:c']], DataConverter::default()->fromPayloads(new Payloads(
            ['payloads' => [$commands[0]->getRespondToQuery()->getSucceeded()->getResponse()]])));
    }

    private function signal(string $name, string $argument): WorkflowActivationJob
    {
        return new WorkflowActivationJob(['signal_workflow' => new SignalWorkflow(['signal_name' => $name,
            'input' => DataConverter::default()->toPayloads([$argument])->getPayloads()])]);
    }

    private function startedRun(): WorkflowRun
    {
        $init = new InitializeWorkflow(['workflow_type' => 'SleepyWorkflow', 'workflow_id' => 'wf', 'randomness_seed' => 7]);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(SleepyWorkflow::class),
            WorkflowInfo::fromInitialize($init, 'run-1', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()), DataConverter::default());
        $commands = $run->activate($this->activation([new WorkflowActivationJob(['initialize_workflow' => $init])]));
        self::assertSame(['start_timer'], array_map(fn (WorkflowCommand $c) => $c->getVariant(), $commands));
        return $run;
    }

    /** @param list<WorkflowActivationJob> $jobs */
    private function activation(array $jobs): WorkflowActivation
    {
        return new WorkflowActivation(['run_id' => 'run-1', 'jobs' => $jobs]);
    }
}
