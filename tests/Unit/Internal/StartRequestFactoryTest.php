<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\StartRequestFactory;

final class StartRequestFactoryTest extends TestCase
{
    public function testOptionsAndArgumentsFillTheRequest(): void
    {
        $input = DataConverter::default()->toPayloads(['a', 1]);
        $options = WorkflowOptions::new()
            ->withWorkflowId('order-1')
            ->withTaskQueue('orders')
            ->withWorkflowExecutionTimeout(3600)
            ->withWorkflowRunTimeout(60.25)
            ->withWorkflowTaskTimeout(10);

        $request = StartRequestFactory::create('ns', 'me@host', 'OrderWorkflow', $input, $options);

        $this->assertSame('ns', $request->getNamespace());
        $this->assertSame('me@host', $request->getIdentity());
        $this->assertSame('order-1', $request->getWorkflowId());
        $this->assertSame('OrderWorkflow', $request->getWorkflowType()->getName());
        $this->assertSame('orders', $request->getTaskQueue()->getName());
        $this->assertSame($input, $request->getInput());
        $this->assertEquals(3600, $request->getWorkflowExecutionTimeout()->getSeconds());
        $this->assertEquals(60, $request->getWorkflowRunTimeout()->getSeconds());
        $this->assertSame(250_000_000, $request->getWorkflowRunTimeout()->getNanos());
        $this->assertEquals(10, $request->getWorkflowTaskTimeout()->getSeconds());
        $uuid4 = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/';
        $this->assertMatchesRegularExpression($uuid4, $request->getRequestId());
    }

    public function testUnsetOptionsLeaveTheServerDefaults(): void
    {
        $request = StartRequestFactory::create('ns', 'me', 'T', null, WorkflowOptions::new()->withTaskQueue('q'));

        $this->assertNull($request->getInput());
        $this->assertNull($request->getWorkflowExecutionTimeout());
        $this->assertNull($request->getWorkflowRunTimeout());
        $this->assertNull($request->getWorkflowTaskTimeout());
        $this->assertMatchesRegularExpression('/^[0-9a-f-]{36}$/', $request->getWorkflowId());
    }

    public function testEachStartGetsItsOwnRequestId(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue('q')->withWorkflowId('same');

        $first = StartRequestFactory::create('ns', 'me', 'T', null, $options);
        $second = StartRequestFactory::create('ns', 'me', 'T', null, $options);

        $this->assertNotSame($first->getRequestId(), $second->getRequestId());
    }

    public function testATaskQueueIsRequired(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('WorkflowOptions has no task queue: call withTaskQueue()');
        StartRequestFactory::create('ns', 'me', 'T', null, WorkflowOptions::new());
    }
}
