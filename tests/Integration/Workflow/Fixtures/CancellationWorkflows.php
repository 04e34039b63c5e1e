<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Sleeps an hour unless cancelled: a child or an external target that only ends when told to. */
#[WorkflowInterface]
final class SleeperWorkflow
{
    #[WorkflowMethod(name: 'PhpSleeper')]
    public function run(): string
    {
        Workflow::sleep(3600);
        return 'woke';
    }
}

/**
 * One blessed wait in a branch, whose scope is cancelled before the wait starts, while it waits, or after it
 * resolved. Returns what the branch returned or the class chain of what it threw.
 */
#[WorkflowInterface]
final class CancellationProbeWorkflow
{
    /** Waits that never end on their own here: the test tells the workflow when to cancel them. */
    public const UNENDING = ['timer', 'activity', 'child result', 'await', 'await with timeout'];
    public const KINDS = ['timer', 'activity', 'local activity', 'child start', 'child result', 'external signal',
        'external cancel', 'await', 'await with timeout'];

    private bool $waiting = false;
    private bool $resolved = false;
    private bool $cancelNow = false;

    /** @param array{sink: string, target: string, idle_queue: string} $targets */
    #[WorkflowMethod(name: 'PhpCancellationProbe')]
    public function run(string $kind, string $timing, array $targets): array
    {
        $branch = null;
        $branch = Workflow::async(function () use (&$branch, $kind, $timing, $targets): array {
            $child = $kind === 'child result' ? $this->startChild($timing === 'after' ? 'PhpGreeting' : 'PhpSleeper') : null;
            if ($timing === 'before') {
                $branch->cancel();  // the branch is running, not waiting: its next wait meets the cancellation
            }
            $this->waiting = true;
            $value = $this->wait($kind, $timing === 'after', $targets, $child);
            $this->resolved = true;
            try {
                Workflow::await(fn (): bool => false);
                return [$value, 'next wait ran'];
            } catch (CanceledFailure) {
                return [$value, 'next wait cancelled'];
            }
        });
        if ($timing === 'while') {
            Workflow::await(fn (): bool => $this->waiting);
            if (\in_array($kind, self::UNENDING, true)) {
                Workflow::await(fn (): bool => $this->cancelNow);  // a later activation: the wait reached the server
            }
            $branch->cancel();
        } elseif ($timing === 'after') {
            Workflow::await(fn (): bool => $this->resolved);
            $branch->cancel();
        }
        try {
            return ['value' => $branch->await(), 'error' => null];
        } catch (\Throwable $e) {
            return ['value' => null, 'error' => self::chain($e)];
        }
    }

    #[SignalMethod]
    public function cancelNow(): void
    {
        $this->cancelNow = true;
    }

    #[QueryMethod]
    public function waiting(): bool
    {
        return $this->waiting;
    }

    /** @param array{sink: string, target: string, idle_queue: string} $targets */
    private function wait(string $kind, bool $resolves, array $targets, ?ChildWorkflowHandle $child): mixed
    {
        $options = activityOptions();
        return match ($kind) {
            'timer' => Workflow::sleep($resolves ? 0.1 : 3600) ?? 'fired',
            'activity' => Workflow::executeActivity('wf.greet', ['probe'],
                $resolves ? $options : $options->withTaskQueue($targets['idle_queue'])),
            'local activity' => Workflow::executeLocalActivity('wf.greet', ['probe'],
                LocalActivityOptions::new()->withStartToCloseTimeout(30)),
            'child start' => $this->startChild('PhpSleeper')->getWorkflowId() === '' ? 'no id' : 'started',
            'child result' => $child->getResult(),
            'external signal' => Workflow::signalExternalWorkflow($targets['sink'], null, 'add', 0) ?? 'signalled',
            'external cancel' => Workflow::cancelExternalWorkflow($targets['target']) ?? 'cancel requested',
            'await' => Workflow::await(fn (): bool => $resolves),
            'await with timeout' => Workflow::await(fn (): bool => false, $resolves ? 0.1 : 3600),
        };
    }

    private function startChild(string $type): ChildWorkflowHandle
    {
        return Workflow::startChildWorkflow($type, $type === 'PhpGreeting' ? ['child'] : [],
            ChildWorkflowOptions::new()->withWorkflowId(Workflow::getInfo()->workflowId . '-child'));
    }

    /** "ActivityFailure<CanceledFailure": short class names from the exception to its root cause. */
    private static function chain(\Throwable $e): string
    {
        $names = [];
        for (; $e !== null; $e = $e->getPrevious()) {
            $names[] = (new \ReflectionClass($e))->getShortName();
        }
        return implode('<', $names);
    }
}
