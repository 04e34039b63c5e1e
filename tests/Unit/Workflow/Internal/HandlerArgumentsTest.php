<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Internal;

use PHPUnit\Framework\TestCase;
use Psr\Log\AbstractLogger;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\DoUpdate;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\QueryWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\SignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\Internal\WorkflowDefinition;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\WorkflowInfo;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class CounterWorkflow
{
    private int $total = 0;
    public static int $updates = 0;

    #[WorkflowMethod]
    public function run(): void
    {
        Workflow::registerQueryHandler('doubled', fn (int $factor = 2): int => $this->total * $factor);
        Workflow::await(fn (): bool => false);
    }

    #[SignalMethod]
    public function add(int $amount): void
    {
        $this->total += $amount;
    }

    #[UpdateMethod]
    public function set(int $total, string $why = ''): int
    {
        self::$updates++;
        return $this->total = $total;
    }

    #[QueryMethod]
    public function total(): int
    {
        return $this->total;
    }
}

/** Signal, query and update arguments that don't fit their handler: a clear error, never a failed task. */
final class HandlerArgumentsTest extends TestCase
{
    private const HANDLER = 'TrueAsync\Temporal\Tests\Unit\Workflow\Internal\CounterWorkflow';

    /** @var list<array{mixed, string}> */
    private array $logged = [];

    /** @dataProvider badSignals */
    public function testASignalWhoseArgumentsDontFitIsLoggedAndDroppedAndTheNextOneCounts(array $args, string $why): void
    {
        $run = $this->startedRun();
        $run->activate(self::activation(self::signal('add', ...$args), self::signal('add', 5)));

        self::assertSame(5, self::answer($run, 'total'));
        self::assertSame([['error', 'signal "add": ' . self::HANDLER . "::add(int \$amount) $why; the signal is dropped"]],
            $this->logged);
    }

    public static function badSignals(): array
    {
        return [
            'too many' => [[1, 2], 'takes 1 argument, given 2 (int, int)'],
            'too few' => [[], 'takes 1 argument, given 0 ()'],
            'not an int' => [['x'], 'cannot take the arguments given: Cannot decode a json/plain payload as int: it holds string'],
        ];
    }

    public function testWithoutALoggerADroppedSignalGoesToTheErrorLog(): void
    {
        $log = tempnam(sys_get_temp_dir(), 'error-log-');
        $previous = ini_set('error_log', $log);
        try {
            $run = $this->startedRun(withLogger: false);
            $run->activate(self::activation(self::signal('add', 1, 2)));
        } finally {
            ini_set('error_log', (string) $previous);
        }
        self::assertStringContainsString('temporal error: signal "add": ' . self::HANDLER
            . '::add(int $amount) takes 1 argument, given 2 (int, int); the signal is dropped (workflow CounterWorkflow, id wf, run run-1)',
            (string) file_get_contents($log));
        unlink($log);
    }

    public function testAnUpdateWhoseArgumentsDontFitIsRejectedBeforeTheHandlerRuns(): void
    {
        CounterWorkflow::$updates = 0;
        $run = $this->startedRun();
        $commands = $run->activate(self::activation(self::update('set', 1, 'why', 'extra'), self::update('set')));

        $rejections = array_map(fn (WorkflowCommand $c) => $c->getUpdateResponse()->getRejected(), $commands);
        self::assertSame('update "set": ' . self::HANDLER . '::set(int $total, string $why) takes 1 to 2 arguments, given 3 (int, string, string)',
            $rejections[0]->getMessage());
        self::assertSame('InvalidHandlerArguments', $rejections[0]->getApplicationFailureInfo()->getType());
        self::assertTrue($rejections[0]->getApplicationFailureInfo()->getNonRetryable());
        self::assertStringEndsWith('takes 1 to 2 arguments, given 0 ()', $rejections[1]->getMessage());
        self::assertSame(0, CounterWorkflow::$updates);
    }

    public function testAQueryWhoseArgumentsDontFitFailsNamingItsHandler(): void
    {
        $run = $this->startedRun();
        $commands = $run->activate(self::activation(self::query('total', 7), self::query('doubled', 1, 2)));

        self::assertSame('query "total": ' . self::HANDLER . '::total() takes 0 arguments, given 1 (int)',
            $commands[0]->getRespondToQuery()->getFailed()->getMessage());
        self::assertSame('query "doubled": ' . self::HANDLER . '::{closure}(int $factor) takes 0 to 1 arguments, given 2 (int, int)',
            $commands[1]->getRespondToQuery()->getFailed()->getMessage());
    }

    public function testStartArgumentsThatDontFitTheWorkflowMethodFailTheTaskNamingTheWorkflow(): void
    {
        $init = new InitializeWorkflow(['workflow_type' => 'CounterWorkflow', 'workflow_id' => 'wf', 'randomness_seed' => 7,
            'arguments' => DataConverter::default()->toPayloads([1, 'x'])->getPayloads()]);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(CounterWorkflow::class),
            WorkflowInfo::fromInitialize($init, 'run-1', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()),
            DataConverter::default(), [], null);
        try {
            $commands = $run->activate(self::activation(new WorkflowActivationJob(['initialize_workflow' => $init])));
            self::fail('the task did not fail: ' . implode(', ', array_map(fn ($c) => $c->serializeToJsonString(), $commands)));
        } catch (\InvalidArgumentException $e) {
            self::assertSame('workflow "CounterWorkflow": ' . self::HANDLER . '::run() takes 0 arguments, given 2 (int, string)',
                $e->getMessage());
        }
    }

    public function testAnUnknownQueryListsTheBuiltInAndRegisteredQueries(): void
    {
        $run = $this->startedRun();
        $commands = $run->activate(self::activation(self::query('nope')));

        self::assertSame('unknown query "nope" (known queries: __stack_trace, __temporal_workflow_metadata, total, doubled)',
            $commands[0]->getRespondToQuery()->getFailed()->getMessage());
    }

    private function startedRun(bool $withLogger = true): WorkflowRun
    {
        $logger = new class ($this->logged) extends AbstractLogger {
            public function __construct(private array &$records)
            {
            }

            public function log($level, $message, array $context = []): void
            {
                $this->records[] = [$level, (string) $message];
            }
        };
        $init = new InitializeWorkflow(['workflow_type' => 'CounterWorkflow', 'workflow_id' => 'wf', 'randomness_seed' => 7]);
        $run = new WorkflowRun(WorkflowDefinition::fromClass(CounterWorkflow::class),
            WorkflowInfo::fromInitialize($init, 'run-1', 'default', 'q', new \DateTimeImmutable('@0'), DataConverter::default()), DataConverter::default(), [],
            $withLogger ? $logger : null);
        $run->activate(self::activation(new WorkflowActivationJob(['initialize_workflow' => $init])));
        return $run;
    }

    private static function activation(WorkflowActivationJob ...$jobs): \TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation
    {
        return ProbeWorkflow::activation($jobs);
    }

    private static function signal(string $name, mixed ...$args): WorkflowActivationJob
    {
        return new WorkflowActivationJob(['signal_workflow' => new SignalWorkflow(['signal_name' => $name,
            'input' => DataConverter::default()->toPayloads($args)->getPayloads()])]);
    }

    private static function update(string $name, mixed ...$args): WorkflowActivationJob
    {
        return new WorkflowActivationJob(['do_update' => new DoUpdate(['id' => uniqid('u-'), 'name' => $name,
            'protocol_instance_id' => uniqid('p-'), 'input' => DataConverter::default()->toPayloads($args)->getPayloads(),
            'run_validator' => true])]);
    }

    private static function query(string $name, mixed ...$args): WorkflowActivationJob
    {
        return new WorkflowActivationJob(['query_workflow' => new QueryWorkflow(['query_id' => $name, 'query_type' => $name,
            'arguments' => DataConverter::default()->toPayloads($args)->getPayloads()])]);
    }

    private static function answer(WorkflowRun $run, string $query): mixed
    {
        $commands = $run->activate(self::activation(self::query($query)));
        return DataConverter::default()->fromPayloads(new Payloads(
            ['payloads' => [$commands[0]->getRespondToQuery()->getSucceeded()->getResponse()]]))[0];
    }
}
