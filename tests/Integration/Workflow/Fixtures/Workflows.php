<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

function activityOptions(): ActivityOptions
{
    return ActivityOptions::new()->withStartToCloseTimeout(10)->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1));
}

#[WorkflowInterface]
final class GreetingWorkflow
{
    #[WorkflowMethod(name: 'PhpGreeting')]
    public function run(string $name): array
    {
        /** @var GreetingActivities $activities */
        $activities = Workflow::newActivityStub(GreetingActivities::class, activityOptions());
        $first = $activities->greet($name);
        $second = Workflow::executeActivity('wf.greet', ["$name again"], activityOptions());
        return [$first, $second, Workflow::getInfo()->workflowType];
    }
}

#[WorkflowInterface]
final class TimerWorkflow
{
    #[WorkflowMethod(name: 'PhpTimer')]
    public function run(float $seconds): float
    {
        $before = Workflow::now();
        Workflow::sleep($seconds);
        return (float) Workflow::now()->format('U.u') - (float) $before->format('U.u');
    }
}

#[WorkflowInterface]
final class SignalQueryWorkflow
{
    private int $total = 0;
    private bool $finished = false;

    #[WorkflowMethod(name: 'PhpSignalQuery')]
    public function run(): int
    {
        Workflow::await(fn (): bool => $this->finished);
        return $this->total;
    }

    #[SignalMethod]
    public function add(int $amount): void
    {
        $this->total += $amount;
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finished = true;
    }

    #[QueryMethod]
    public function total(): int
    {
        return $this->total;
    }
}

#[WorkflowInterface]
final class AwaitTimeoutWorkflow
{
    #[WorkflowMethod(name: 'PhpAwaitTimeout')]
    public function run(): array
    {
        $timedOut = Workflow::await(fn (): bool => false, 0.5);
        $immediate = Workflow::await(fn (): bool => true, 10);
        return [$timedOut, $immediate];
    }
}

#[WorkflowInterface]
final class FailingWorkflow
{
    #[WorkflowMethod(name: 'PhpFailing')]
    public function run(): void
    {
        try {
            Workflow::executeActivity('wf.fail', ['activity broke'], activityOptions());
        } catch (TemporalFailure $e) {
            throw ApplicationFailure::create('workflow gave up: ' . $e->getPrevious()?->getMessage(), 'GaveUp',
                nonRetryable: true, details: [$e::class]);
        }
    }
}

#[WorkflowInterface]
final class ParallelWorkflow
{
    #[WorkflowMethod(name: 'PhpParallel')]
    public function run(array $names): array
    {
        $branches = [];
        foreach ($names as $name) {
            $branches[$name] = Workflow::async(fn () => Workflow::executeActivity('wf.greet', [$name], activityOptions()));
        }
        $slow = Workflow::async(function (): string {
            Workflow::sleep(5);
            return 'slow';
        });
        $fast = Workflow::async(fn (): string => 'fast');
        $first = Workflow::awaitAny(['slow' => $slow, 'fast' => $fast]);
        return ['greetings' => Workflow::awaitAll($branches), 'first' => $first];
    }
}

#[WorkflowInterface]
final class RandomWorkflow
{
    private array $drawn = [];

    #[WorkflowMethod(name: 'PhpRandom')]
    public function run(): array
    {
        $this->drawn = [Workflow::random()->getInt(0, PHP_INT_MAX), Workflow::uuid4()];
        Workflow::sleep(0.2);
        $this->drawn[] = Workflow::random()->getInt(0, 1000);
        return $this->drawn;
    }

    #[QueryMethod]
    public function drawn(): array
    {
        return $this->drawn;
    }
}

#[WorkflowInterface]
final class UpdateWorkflow
{
    /** @var list<int> */
    private array $items = [];
    private bool $closed = false;

    #[WorkflowMethod(name: 'PhpUpdate')]
    public function run(): array
    {
        Workflow::await(fn (): bool => $this->closed);
        return $this->items;
    }

    #[Workflow\UpdateMethod]
    public function addItem(int $item): int
    {
        Workflow::sleep(0.1);  // an update handler may wait
        $this->items[] = $item;
        return array_sum($this->items);
    }

    #[Workflow\UpdateValidatorMethod(forUpdate: 'addItem')]
    public function validateAddItem(int $item): void
    {
        if ($item < 0) {
            throw new \InvalidArgumentException("negative item $item rejected");
        }
    }

    #[Workflow\UpdateMethod]
    public function close(): void
    {
        $this->closed = true;
    }
}

#[WorkflowInterface]
final class CancellableWorkflow
{
    private string $cleanup = 'none';

    #[WorkflowMethod(name: 'PhpCancellable')]
    public function run(): string
    {
        try {
            Workflow::sleep(3600);
            return 'slept';
        } catch (\TrueAsync\Temporal\Exception\Failure\CanceledFailure $e) {
            // Cleanup the workflow's cancellation must not interrupt.
            $this->cleanup = Workflow::asyncDetached(
                fn () => Workflow::executeActivity('wf.greet', ['cleanup'], activityOptions()),
            )->await();
            throw $e;
        }
    }

    #[QueryMethod]
    public function cleanup(): string
    {
        return $this->cleanup;
    }
}

#[WorkflowInterface]
final class ScopeCancellationWorkflow
{
    #[WorkflowMethod(name: 'PhpScopeCancellation')]
    public function run(): array
    {
        $timer = Workflow::async(function (): string {
            Workflow::sleep(3600);
            return 'timer fired';
        });
        $activity = Workflow::async(fn () => Workflow::executeActivity('wf.waitForCancel', [],
            activityOptions()->withStartToCloseTimeout(60)->withHeartbeatTimeout(5)));
        Workflow::sleep(1);
        $timer->cancel();
        $activity->cancel();
        return [self::outcome($timer), self::outcome($activity)];
    }

    private static function outcome(Workflow\Future $future): string
    {
        try {
            return 'completed: ' . $future->await();
        } catch (TemporalFailure $e) {
            return (new \ReflectionClass($e))->getShortName() . ' <- '
                . ($e->getPrevious() === null ? '' : (new \ReflectionClass($e->getPrevious()))->getShortName());
        }
    }
}

#[WorkflowInterface]
final class CountdownWorkflow
{
    /** Continues as new until $remaining is 0, carrying the run ids seen so far. */
    #[WorkflowMethod(name: 'PhpCountdown')]
    public function run(int $remaining, array $seen): array
    {
        $seen[] = $remaining;
        if ($remaining > 0) {
            Workflow::continueAsNew([$remaining - 1, $seen]);
        }
        return $seen;
    }
}

#[WorkflowInterface]
final class CallsPythonWorkflow
{
    /** A Python activity, a Python child workflow and a Python activity failure, on the Python worker's queue. */
    #[WorkflowMethod(name: 'PhpCallsPython')]
    public function run(string $pythonQueue): array
    {
        $options = activityOptions()->withTaskQueue($pythonQueue);
        $shout = Workflow::executeActivity('py_shout', ['hello from php'], $options);
        $echo = Workflow::executeChildWorkflow('EchoWorkflow', ['a', 1, [true]],
            Workflow\ChildWorkflowOptions::new()->withTaskQueue($pythonQueue));
        try {
            Workflow::executeActivity('failing_activity', ['declined'], $options);
            $failure = 'none';
        } catch (TemporalFailure $e) {
            $cause = $e->getPrevious();
            $failure = $cause instanceof ApplicationFailure ? [$cause->getType(), $cause->getMessage(), $cause->getDetails()] : $e::class;
        }
        return ['shout' => $shout, 'echo' => $echo, 'failure' => $failure];
    }
}

#[WorkflowInterface]
final class RuntimeHandlersWorkflow
{
    private array $seen = [];

    #[WorkflowMethod(name: 'PhpRuntimeHandlers')]
    public function run(string $peerId): array
    {
        Workflow::sleep(1);  // signals sent meanwhile have no handler yet: they are buffered
        Workflow::registerSignalHandler('late', function (string $value): void {
            $this->seen[] = $value;
        });
        Workflow::registerQueryHandler('seen', fn (): array => $this->seen);
        Workflow::signalExternalWorkflow($peerId, null, 'add', 5);
        Workflow::signalExternalWorkflow($peerId, null, 'finish');
        try {
            Workflow::signalExternalWorkflow('no-such-workflow-' . Workflow::uuid4(), null, 'x');
        } catch (TemporalFailure) {
            $this->seen[] = 'unknown workflow not signalled';
        }
        Workflow::await(fn (): bool => Workflow::allHandlersFinished());
        return $this->seen;
    }
}

#[WorkflowInterface]
final class LocalActivityWorkflow
{
    #[WorkflowMethod(name: 'PhpLocalActivity')]
    public function run(): array
    {
        $options = Workflow\LocalActivityOptions::new()->withStartToCloseTimeout(5);
        /** @var GreetingActivities $local */
        $local = Workflow::newLocalActivityStub(GreetingActivities::class, $options);
        $greeting = $local->greet('Lo');
        // Retries 1 s apart with a 0.5 s local threshold: each retry goes through a workflow timer.
        $retried = Workflow::executeLocalActivity('wf.flaky', [], $options->withLocalRetryThreshold(0.5)
            ->withRetryPolicy(RetryPolicy::new()->withInitialInterval(1)->withBackoffCoefficient(1)->withMaximumAttempts(5)));
        return [$greeting, $retried];
    }
}

#[WorkflowInterface]
final class UpsertWorkflow
{
    #[WorkflowMethod(name: 'PhpUpsert')]
    public function run(): ?string
    {
        Workflow::upsertSearchAttributes(\TrueAsync\Temporal\SearchAttributes\SearchAttributes::empty()
            ->withValue(\TrueAsync\Temporal\Tests\Integration\TestSearchAttributes::keyword(), 'php-upserted')
            ->withValue(\TrueAsync\Temporal\Tests\Integration\TestSearchAttributes::int(), 42));
        Workflow::upsertMemo(['owner' => 'php', 'limits' => ['a' => 1]]);
        return Workflow::getSearchAttributes()->get(\TrueAsync\Temporal\Tests\Integration\TestSearchAttributes::keyword());
    }
}

#[WorkflowInterface]
final class DynamicWorkflow
{
    private array $seen = [];
    private bool $stopped = false;

    /** Runs every workflow type the worker does not know. */
    #[WorkflowMethod]
    public function run(\TrueAsync\Temporal\DataConverter\EncodedArguments $args): array
    {
        Workflow::registerDynamicHandler('signal', function (string $name, \TrueAsync\Temporal\DataConverter\EncodedArguments $input): void {
            $this->seen[] = [$name, $input->getValues()];
            $this->stopped = $this->stopped || $name === 'stop';
        });
        Workflow::registerDynamicHandler('query', fn (string $name, $input): array => [$name, $input->getValues(), $this->seen]);
        Workflow::await(fn (): bool => $this->stopped);
        return [Workflow::getInfo()->workflowType, $args->getValues(), $this->seen];
    }
}

/** Three versions of one workflow type, "PhpPatch": before a change, patched, and with the patch deprecated. */
#[WorkflowInterface]
final class PatchV1Workflow
{
    #[WorkflowMethod(name: 'PhpPatch')]
    public function run(): string
    {
        return Workflow::executeActivity('wf.greet', ['patch'], activityOptions());
    }
}

#[WorkflowInterface]
final class PatchV2Workflow
{
    #[WorkflowMethod(name: 'PhpPatch')]
    public function run(): string
    {
        if (Workflow::patched('sleep-first')) {
            Workflow::sleep(0.1);
        }
        return Workflow::executeActivity('wf.greet', ['patch'], activityOptions());
    }
}

#[WorkflowInterface]
final class PatchV3Workflow
{
    #[WorkflowMethod(name: 'PhpPatch')]
    public function run(): string
    {
        Workflow::deprecatePatch('sleep-first');
        Workflow::sleep(0.1);
        return Workflow::executeActivity('wf.greet', ['patch'], activityOptions());
    }
}

