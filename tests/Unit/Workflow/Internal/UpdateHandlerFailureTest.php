<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\DoUpdate;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Core\NonDeterministicCallException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Workflow;

/** What an update handler throws decides between failing the update and failing the workflow task. */
final class UpdateHandlerFailureTest extends TestCase
{
    public function testANonTemporalExceptionInTheHandlerFailsTheTaskNotTheUpdate(): void
    {
        [$run] = self::waitingRun(fn (string $v) => throw new \Error("bug handling $v"));
        $this->expectException(\Error::class);
        $this->expectExceptionMessage('bug handling x');
        $run->activate(ProbeWorkflow::activation([self::update('x', true)]));
    }

    public function testADeterminismGuardViolationInTheHandlerFailsTheTask(): void
    {
        [$run] = self::waitingRun(fn (string $v) => time());
        $this->expectException(NonDeterministicCallException::class);
        $run->activate(ProbeWorkflow::activation([self::update('x', true)]));
    }

    public function testATemporalFailureInTheHandlerFailsTheUpdate(): void
    {
        [$run] = self::waitingRun(fn (string $v) => throw ApplicationFailure::create("no $v", 'Refused'));
        $commands = $run->activate(ProbeWorkflow::activation([self::update('x', true)]));
        self::assertSame(['accepted', 'rejected'], self::responses($commands));
        self::assertSame('no x', $commands[1]->getUpdateResponse()->getRejected()->getMessage());
    }

    public function testAValidatorExceptionRejectsTheUpdateAndTheHandlerNeverRuns(): void
    {
        $ran = false;
        [$run] = self::waitingRun(function (string $v) use (&$ran) {
            $ran = true;
            return $v;
        });
        $commands = $run->activate(ProbeWorkflow::activation([self::update('invalid', true)]));
        self::assertSame(['rejected'], self::responses($commands));
        self::assertFalse($ran);
    }

    public function testTheValidatorRunsOnlyWhenTheCoreAsks(): void
    {
        [$run] = self::waitingRun(fn (string $v) => $v);
        $commands = $run->activate(ProbeWorkflow::activation([self::update('replayed', false)]));
        self::assertSame(['accepted', 'completed'], self::responses($commands));
        self::assertSame(0, ProbeWorkflow::$validations, 'a replayed update is not validated again');
        $run->activate(ProbeWorkflow::activation([self::update('new', true)]));
        self::assertSame(1, ProbeWorkflow::$validations);
    }

    /** @return array{\TrueAsync\Temporal\Workflow\Internal\WorkflowRun, list<WorkflowCommand>} */
    private static function waitingRun(\Closure $update): array
    {
        return ProbeWorkflow::start(fn () => Workflow::await(fn () => false), $update);
    }

    private static function update(string $value, bool $runValidator): WorkflowActivationJob
    {
        return new WorkflowActivationJob(['do_update' => new DoUpdate([
            'id' => "update-$value",
            'protocol_instance_id' => "protocol-$value",
            'name' => 'change',
            'input' => DataConverter::default()->toPayloads([$value])->getPayloads(),
            'run_validator' => $runValidator,
        ])]);
    }

    /** @param list<WorkflowCommand> $commands @return list<string> */
    private static function responses(array $commands): array
    {
        return array_map(fn (WorkflowCommand $c) => $c->getUpdateResponse()->getResponse(), $commands);
    }
}
