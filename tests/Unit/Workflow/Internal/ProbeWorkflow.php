<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Workflow\Internal\WorkflowDefinition;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\UpdateValidatorMethod;
use TrueAsync\Temporal\Workflow\WorkflowInfo;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** A workflow whose body, update handler and validator each test sets: the engine is what is under test. */
#[WorkflowInterface]
final class ProbeWorkflow
{
    /** @var \Closure(): mixed */
    public static \Closure $body;
    /** @var \Closure(string): mixed */
    public static \Closure $update;
    public static int $validations = 0;

    #[WorkflowMethod]
    public function run(): mixed
    {
        return (self::$body)();
    }

    #[UpdateMethod]
    public function change(string $value): mixed
    {
        return (self::$update)($value);
    }

    #[UpdateValidatorMethod(forUpdate: 'change')]
    public function validateChange(string $value): void
    {
        self::$validations++;
        if ($value === 'invalid') {
            throw new \InvalidArgumentException('the validator rejects "invalid"');
        }
    }

    /** A run of this workflow, started by its first activation; returns the run and that activation's commands. */
    public static function start(\Closure $body, ?\Closure $update = null): array
    {
        [self::$body, self::$update, self::$validations] = [$body, $update ?? fn (string $v) => $v, 0];
        $init = new InitializeWorkflow(['workflow_type' => 'ProbeWorkflow', 'workflow_id' => 'wf', 'randomness_seed' => 7]);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(self::class),
            WorkflowInfo::fromInitialize($init, 'run-1', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()), DataConverter::default());
        return [$run, $run->activate(self::activation([new WorkflowActivationJob(['initialize_workflow' => $init])]))];
    }

    /** @param list<WorkflowActivationJob> $jobs */
    public static function activation(array $jobs): WorkflowActivation
    {
        return new WorkflowActivation(['run_id' => 'run-1', 'jobs' => $jobs]);
    }

    /** @param list<WorkflowCommand> $commands @return list<string> */
    public static function variants(array $commands): array
    {
        return array_map(fn (WorkflowCommand $c) => $c->getVariant(), $commands);
    }

    /** The value the workflow completed with, from its completion command. */
    public static function result(WorkflowCommand $command): mixed
    {
        return DataConverter::default()->fromPayloads(new Payloads(
            ['payloads' => [$command->getCompleteWorkflowExecution()->getResult()]]))[0];
    }
}
