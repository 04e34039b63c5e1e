<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\PayloadTooLargeException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Input the server would refuse, or the SDK would send wrong, refused by the client before any call, with an
 * error naming what is wrong; and the payload size limit checked against the live server's own.
 * The workflows go to a task queue no worker polls: only the server's acceptance matters.
 */
final class BadInputTest extends ServerTestCase
{
    private const MB = 1024 * 1024;

    public function testAnArgumentOverTheLimitFailsNamingItAndNeverReachesTheServer(): void
    {
        $id = self::uniqueId('oversize');
        try {
            self::client()->start('Anything', ['small', str_repeat('x', 5 * self::MB)], $this->options($id));
            $this->fail('a 5 MB argument was sent');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame('argument #2', $e->getValueName());
            $this->assertStringStartsWith('Argument #2 is 524', $e->getMessage());
        }
        try {
            self::client()->getHandle($id)->describe();
            $this->fail('the workflow exists');
        } catch (WorkflowNotFoundException) {
            $this->addToAssertionCount(1);
        }
    }

    public function testTheLimitIsTheServersOneJustUnderPassesJustOverIsRefusedByTheServerToo(): void
    {
        $under = self::client()->start('Anything', [str_repeat('u', 2 * self::MB - 100)], $this->options(self::uniqueId('under')));
        $this->assertNotSame('', $under->describe()->getExecution()->getRunId(), 'the server took 2 MB - 100 bytes');
        $under->terminate('test over');

        $over = [str_repeat('o', 2 * self::MB + 100)];
        try {
            self::client()->start('Anything', $over, $this->options(self::uniqueId('over')));
            $this->fail('2 MB + 100 bytes passed the client');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame('argument #1', $e->getValueName());
        }
        $unchecked = Client::connect(ConnectionOptions::new(self::address()),
            DataConverter::default()->withPayloadSizeLimit(0));
        try {
            $unchecked->start('Anything', $over, $this->options(self::uniqueId('over')));
            $this->fail('the server took 2 MB + 100 bytes: the default limit is stricter than the server');
        } catch (ServiceException $e) { // InvalidArgumentException: "Blob data size exceeds limit."
            $this->assertStringContainsString('size exceeds limit', $e->getMessage(), 'the server refused it for its size');
        }
    }

    public function testASignalArgumentOverTheLimitIsNamed(): void
    {
        $handle = self::client()->start('Anything', [], $this->options(self::uniqueId('signalled')));
        try {
            $handle->signal('big', 'small', 'small', str_repeat('s', 3 * self::MB));
            $this->fail('a 3 MB signal argument was sent');
        } catch (PayloadTooLargeException $e) {
            $this->assertSame('argument #3', $e->getValueName());
        } finally {
            $handle->terminate('test over');
        }
    }

    public function testAClosureArgumentIsRefusedNamingItsPositionAndType(): void
    {
        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('Argument #2: Cannot encode a value of type array as json/plain: the Closure at ["callback"] has no JSON form');
        self::client()->start('Anything', [1, ['callback' => fn () => 1]], $this->options(self::uniqueId('closure')));
    }

    /** @dataProvider invalidUtf8Calls */
    public function testInvalidUtf8IsRefusedNamingTheField(string $field, \Closure $call): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage("$field must be valid UTF-8");
        $call(self::client(), "bad \xff name");
    }

    public static function invalidUtf8Calls(): array
    {
        return [
            'workflow type' => ['Client::start(): the workflow type', fn (Client $c, string $bad) => $c->start($bad, [], WorkflowOptions::new()->withTaskQueue('q'))],
            'workflow id' => ['WorkflowExecution: the workflow id', fn (Client $c, string $bad) => $c->getHandle($bad)],
            'signal name' => ['WorkflowHandle::signal(): the signal name', fn (Client $c, string $bad) => $c->getHandle('wf')->signal($bad)],
            'query name' => ['WorkflowHandle::query(): the query name', fn (Client $c, string $bad) => $c->getHandle('wf')->query($bad)],
            'update name' => ['the update name', fn (Client $c, string $bad) => $c->getHandle('wf')->update($bad)],
            'update id' => ['the update id', fn (Client $c, string $bad) => $c->getHandle('wf')->update(UpdateOptions::new('u')->withUpdateId($bad))],
            'schedule id' => ['ScheduleClient::getHandle(): the schedule id', fn (Client $c, string $bad) => $c->schedules()->getHandle($bad)],
            'activity id' => ['ActivityCompletionClient: the activity id', fn (Client $c, string $bad) => $c->getActivityCompletionClient()->completeById('wf', null, $bad)],
        ];
    }

    private function options(string $id): WorkflowOptions
    {
        return WorkflowOptions::new()->withWorkflowId($id)->withTaskQueue('no-worker-' . bin2hex(random_bytes(4)));
    }
}
