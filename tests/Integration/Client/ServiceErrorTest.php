<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class ServiceErrorTest extends ServerTestCase
{
    public function testStartingARunningWorkflowIdAgainThrowsWithTheRunningRunId(): void
    {
        $running = self::startWorkflow('LongWorkflow');
        $options = WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId($running->getId());
        try {
            self::client()->start('LongWorkflow', [], $options);
            $this->fail('start() of a running workflow id returned');
        } catch (WorkflowAlreadyStartedException $e) {
            $this->assertSame($running->getRunId(), $e->getRunId());
            $this->assertSame($running->getId(), $e->getWorkflowId());
            $this->assertSame('LongWorkflow', $e->getWorkflowType());
            $this->assertSame(ServiceException::ALREADY_EXISTS, $e->getCode());
            $this->assertInstanceOf(Core\ServiceException::class, $e->getPrevious());
        } finally {
            $running->terminate('test done');
        }
    }

    public function testDescribeOfAnUnknownWorkflowIdThrowsWorkflowNotFoundException(): void
    {
        $workflowId = self::uniqueId('never-started');
        try {
            self::client()->getHandle($workflowId)->describe();
            $this->fail('describe() of an unknown workflow id returned');
        } catch (WorkflowNotFoundException $e) {
            $this->assertSame(ServiceException::NOT_FOUND, $e->getGrpcCode());
            $this->assertSame($workflowId, $e->getExecution()->getWorkflowId());
            $this->assertStringContainsString($workflowId, $e->getMessage());
        }
    }

    public function testServerSideInvalidArgumentIsTypedAndKeepsItsGrpcCode(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId(str_repeat('x', 2000));
        try {
            self::client()->start('EchoWorkflow', [], $options);
            $this->fail('start() with a 2000-character workflow id returned');
        } catch (InvalidArgumentException $e) {
            $this->assertSame(ServiceException::INVALID_ARGUMENT, $e->getCode());
            $this->assertStringContainsString('WorkflowId', $e->getGrpcMessage());
            $previous = $e->getPrevious();
            $this->assertInstanceOf(Core\ServiceException::class, $previous);
            $this->assertSame(ServiceException::INVALID_ARGUMENT, $previous->getCode());
        }
    }
}
