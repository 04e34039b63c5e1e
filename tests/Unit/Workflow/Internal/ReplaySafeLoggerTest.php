<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use Psr\Log\AbstractLogger;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\FireTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\Internal\WorkflowDefinition;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;
use TrueAsync\Temporal\Workflow\WorkflowInfo;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class LoggingWorkflow
{
    #[WorkflowMethod]
    public function run(): void
    {
        Workflow::getLogger()->info('before the timer');
        Workflow::sleep(1);
        Workflow::getLogger()->warning('after the timer', ['extra' => 1]);
    }
}

final class ReplaySafeLoggerTest extends TestCase
{
    public function testRecordsLoggedWhileReplayingAreDroppedAndLiveOnesCarryTheRun(): void
    {
        $records = [];
        $logger = new class ($records) extends AbstractLogger {
            public function __construct(private array &$records)
            {
            }

            public function log($level, $message, array $context = []): void
            {
                $this->records[] = [$level, (string) $message, $context];
            }
        };
        $init = new InitializeWorkflow(['workflow_type' => 'LoggingWorkflow', 'workflow_id' => 'wf-log']);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(LoggingWorkflow::class),
            WorkflowInfo::fromInitialize($init, 'run-log', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()), DataConverter::default(), [], $logger);
        $run->activate(new WorkflowActivation(['run_id' => 'run-log', 'is_replaying' => true,
            'jobs' => [new WorkflowActivationJob(['initialize_workflow' => $init])]]));
        $run->activate(new WorkflowActivation(['run_id' => 'run-log', 'is_replaying' => false,
            'jobs' => [new WorkflowActivationJob(['fire_timer' => new FireTimer(['seq' => 1])])]]));
        self::assertSame([['warning', 'after the timer',
            ['extra' => 1, 'workflow_type' => 'LoggingWorkflow', 'workflow_id' => 'wf-log', 'run_id' => 'run-log']]], $records);
    }
}
