<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Validation;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\ChildWorkflowOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;
use TrueAsync\Temporal\Workflow;

/** String fields that travel as protobuf strings refuse invalid UTF-8 where they enter the SDK, naming the field. */
final class Utf8FieldsTest extends TestCase
{
    private const BAD = "order-\xff-7";

    /**
     * @dataProvider fields
     * @param \Closure(string): mixed $set
     */
    public function testInvalidUtf8IsRejectedNamingTheField(string $field, \Closure $set): void
    {
        $this->assertNotNull($set('valid ü'), 'valid UTF-8 passes');
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("$field must be valid UTF-8, but byte 7 of 9 (0xff) is not");
        $set(self::BAD);
    }

    /**
     * Names given to workflow code's calls: checked first, so a bad one fails the task naming the call.
     *
     * @dataProvider workflowCalls
     * @param \Closure(string): mixed $call
     */
    public function testWorkflowCallsRefuseInvalidUtf8NamingTheField(string $field, \Closure $call): void
    {
        try {
            $call('valid ü');
            self::fail('outside a workflow the call should have been refused');
        } catch (\LogicException $e) {
            self::assertStringContainsString('workflow', $e->getMessage(), 'valid UTF-8 gets past the check');
        }
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("$field must be valid UTF-8, but byte 7 of 9 (0xff) is not");
        $call(self::BAD);
    }

    public static function workflowCalls(): array
    {
        $activity = ActivityOptions::new()->withStartToCloseTimeout(1);
        return [
            'activity type' => ['Workflow::executeActivity(): the activity type', fn (string $v) => Workflow::executeActivity($v, [], $activity)],
            'local activity type' => ['Workflow::executeLocalActivity(): the activity type', fn (string $v) => Workflow::executeLocalActivity($v, [], LocalActivityOptions::new()->withStartToCloseTimeout(1))],
            'child type' => ['Workflow::startChildWorkflow(): the workflow type', fn (string $v) => Workflow::executeChildWorkflow($v)],
            'continue-as-new type' => ['Workflow::continueAsNew(): the workflow type', fn (string $v) => Workflow::continueAsNew([], $v)],
            'continue-as-new queue' => ['Workflow::continueAsNew(): the task queue', fn (string $v) => Workflow::continueAsNew([], null, $v)],
            'external signal' => ['Workflow::signalExternalWorkflow(): the signal name', fn (string $v) => Workflow::signalExternalWorkflow('wf', null, $v)],
            'external id' => ['Workflow::cancelExternalWorkflow(): the workflow id', fn (string $v) => Workflow::cancelExternalWorkflow($v)],
            'signal handler' => ['Workflow::registerSignalHandler(): the signal name', fn (string $v) => Workflow::registerSignalHandler($v, fn () => null)],
            'query handler' => ['Workflow::registerQueryHandler(): the query name', fn (string $v) => Workflow::registerQueryHandler($v, fn () => null)],
            'update handler' => ['Workflow::registerUpdateHandler(): the update name', fn (string $v) => Workflow::registerUpdateHandler($v, fn () => null)],
            'patch id' => ['Workflow::patched(): the patch id', fn (string $v) => Workflow::patched($v)],
        ];
    }

    public static function fields(): array
    {
        return [
            'address' => ['ConnectionOptions: the address', fn (string $v) => ConnectionOptions::new($v)],
            'namespace' => ['ConnectionOptions: the namespace', fn (string $v) => ConnectionOptions::new('h:1')->withNamespace($v)],
            'identity' => ['ConnectionOptions: the identity', fn (string $v) => ConnectionOptions::new('h:1')->withIdentity($v)],
            'workflow id' => ['WorkflowOptions::withWorkflowId(): the workflow id', fn (string $v) => WorkflowOptions::new()->withWorkflowId($v)],
            'task queue' => ['WorkflowOptions::withTaskQueue(): the task queue', fn (string $v) => WorkflowOptions::new()->withTaskQueue($v)],
            'workflow type' => ['Client::start(): the workflow type', fn (string $v) => StartRequestFactory::create('default', 'me', $v, null, WorkflowOptions::new()->withTaskQueue('q'))],
            'handle workflow id' => ['WorkflowExecution: the workflow id', fn (string $v) => new WorkflowExecution($v)],
            'handle run id' => ['WorkflowExecution: the run id', fn (string $v) => new WorkflowExecution('wf', $v)],
            'activity task queue' => ['ActivityOptions::withTaskQueue(): the task queue', fn (string $v) => ActivityOptions::new()->withTaskQueue($v)],
            'child workflow id' => ['ChildWorkflowOptions::withWorkflowId(): the workflow id', fn (string $v) => ChildWorkflowOptions::new()->withWorkflowId($v)],
            'child task queue' => ['ChildWorkflowOptions::withTaskQueue(): the task queue', fn (string $v) => ChildWorkflowOptions::new()->withTaskQueue($v)],
            'worker identity' => ['WorkerOptions::withIdentity(): the identity', fn (string $v) => WorkerOptions::new()->withIdentity($v)],
            'build id' => ['WorkerOptions::withBuildId(): the build id', fn (string $v) => WorkerOptions::new()->withBuildId($v)],
        ];
    }

    /** @dataProvider invalid */
    public function testTheFirstInvalidByteIsNamed(string $value, string $where): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("the id must be valid UTF-8, but $where is not");
        Utf8::check($value, 'the id');
    }

    public static function invalid(): array
    {
        return [
            'a stray continuation byte' => ["ab\x80", 'byte 3 of 3 (0x80)'],
            'a truncated sequence' => ["é\xc3", 'byte 3 of 3 (0xc3)'],
            'an overlong encoding' => ["\xc0\xaf", 'byte 1 of 2 (0xc0)'],
            'a surrogate' => ["x\xed\xa0\x80", 'byte 2 of 4 (0xed)'],
            'past U+10FFFF' => ["\xf4\x90\x80\x80", 'byte 1 of 4 (0xf4)'],
        ];
    }

    public function testValidUtf8IsReturnedAsItIs(): void
    {
        $this->assertSame('zoë 😀', Utf8::check('zoë 😀', 'x'));
        $this->assertNull(Utf8::checkOptional(null, 'x'));
    }
}
